import CIICore

/// Collects the replica's rows into per-epoch arrays and origin slots, for a new ``ReplicaSnapshot``.
struct ReplicaIndexBuilder {
    private struct OriginCode: Hashable {
        var node: String
        var code: String
    }

    private var entries: [UInt32: [IndexEntry]] = [:]
    private var origins: [IndexOrigin] = []
    private var slots: [OriginCode: UInt16] = [:]
    private var last: (OriginCode, UInt16)?
    /// More than 65,535 origin and dispositif pairs: the index cannot hold them.
    private(set) var overflow = false

    mutating func add(_ row: ReplicaScanRow) {
        let code = OriginCode(node: row.origin, code: row.dispositif)
        let slot: UInt16
        if let last, last.0 == code {
            slot = last.1
        } else if let existing = slots[code] {
            slot = existing
        } else {
            guard origins.count < Int(UInt16.max) else {
                overflow = true
                return
            }
            slot = UInt16(origins.count)
            origins.append(IndexOrigin(node: row.origin, code: row.dispositif))
            slots[code] = slot
        }
        last = (code, slot)
        entries[row.epoch, default: []].append(IndexEntry(row.fingerprint, day: row.lastOn, origin: slot))
    }

    /// The snapshot of what was added, with the own set `own` and `marker`.
    mutating func snapshot(own: [UInt32: [IndexKey]], marker: OwnSetMarker) -> ReplicaSnapshot {
        var epochs: [(number: UInt32, index: EpochIndex)] = []
        for number in Set(entries.keys).union(own.keys) {
            var base = entries.removeValue(forKey: number) ?? []
            EpochIndex.sortScanned(&base)
            epochs.append((number, EpochIndex(base: base, own: own[number] ?? [])))
        }
        var table: [IndexOrigin: UInt16] = [:]
        for (slot, origin) in origins.enumerated() { table[origin] = UInt16(slot) }
        return ReplicaSnapshot(epochs: epochs, origins: origins, slots: table, marker: marker)
    }
}
