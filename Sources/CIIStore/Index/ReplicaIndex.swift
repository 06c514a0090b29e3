public import CIICore
import Synchronization

/// The replica and the own set in memory, for the alert check: per epoch, a sorted array of
/// 24-byte entries (16-byte fingerprint prefix, origin slot, last follow-up day) with a radix
/// directory, and the own set's keys (see ``EpochIndex``).
///
/// Checks read an immutable ``ReplicaSnapshot`` taken under a lock held only to copy a reference:
/// they never wait for the writer, which builds the next snapshot beside and then publishes it.
/// Changes reach the index from the ``NodeStore`` methods that write the replica or the own set,
/// after their commit and while they still hold the database's writer, so the index follows the
/// commits in their order. Loaded by ``NodeStore/loadReplicaIndex()`` (`ciid serve` at start);
/// until then, and in processes that never load it, checks read SQLite (``ReplicaReader``).
public final class ReplicaIndex: Sendable {
    private let current = Mutex<ReplicaSnapshot?>(nil)
    /// Serializes the writers (they are serialized by the database's writer already).
    private let writing = Mutex<Int>(0)

    /// An index not loaded yet.
    public init() {}

    /// Whether the index is loaded (checks read it) or not (checks read SQLite).
    public var isLoaded: Bool { current.withLock { $0 != nil } }

    /// Entries held in all epochs (own follow-ups apart).
    public var entryCount: Int { snapshot?.epochs.reduce(0) { $0 + $1.index.count } ?? 0 }

    /// Own follow-ups held in all epochs.
    public var ownCount: Int { snapshot?.epochs.reduce(0) { $0 + $1.index.own.count } ?? 0 }

    /// Bytes of the index's arrays.
    public var memoryBytes: Int { snapshot?.epochs.reduce(0) { $0 + $1.index.bytes } ?? 0 }

    var snapshot: ReplicaSnapshot? { current.withLock { $0 } }

    /// Calls `body` with the origin and last follow-up day of every replica entry of `fingerprint`
    /// under `epoch`, and returns whether the own set holds it; nil when the index is not loaded.
    @inline(__always)
    func lookup(_ fingerprint: Fingerprint, epoch: Epoch, _ body: (IndexOrigin, Int32) -> Void) -> Bool? {
        guard let snapshot = current.withLock({ $0 }) else { return nil }
        guard let index = snapshot.epoch(epoch.number) else { return false }
        let key = IndexKey(fingerprint)
        index.forEach(key) { slot, day in body(snapshot.origins[Int(slot)], day) }
        return index.ownHolds(key)
    }

    // MARK: - Writer side (called by NodeStore, holding the database's writer)

    /// The own set as the index holds it, if that is the database's own set: `marker` is read
    /// in the caller's write transaction, and matches when no other process imported or retired
    /// an epoch since the index last read them (this process's writes reach the index after
    /// each commit, under the same writer). Nil when the index is not loaded or is behind.
    func ownSet(matching marker: OwnSetMarker) -> OwnSetView? {
        guard let snapshot = current.withLock({ $0 }), snapshot.marker == marker else { return nil }
        return OwnSetView(snapshot: snapshot)
    }

    /// Publishes a freshly built snapshot.
    func install(_ snapshot: ReplicaSnapshot) {
        writing.withLock { _ in current.withLock { $0 = snapshot } }
    }

    /// Forgets everything: checks read SQLite until the next load.
    func unload() {
        writing.withLock { _ in current.withLock { $0 = nil } }
    }

    /// Builds the next snapshot from the current one (outside the readers' lock) and publishes it;
    /// nothing when the index is not loaded. `change` answering nil unloads the index.
    private func update(_ change: (ReplicaSnapshot) -> ReplicaSnapshot?) {
        writing.withLock { _ in
            guard let old = current.withLock({ $0 }) else { return }
            let next = change(old)
            current.withLock { $0 = next }
        }
    }

    /// Applies one origin's changes, as they were committed (a change of an epoch in `retired`
    /// was skipped by the replica, and is here too): a nil day is a retraction. The replica holds
    /// one row per fingerprint and origin, whatever its dispositif: a change also removes what
    /// the index holds of the fingerprint under the origin's other dispositif codes, if any.
    func apply(origin: String, code: String, _ changes: [(Fingerprint, UInt32, Int32?)], retired: Set<Int64>) {
        guard !changes.isEmpty else { return }
        update { snapshot in
            var origins = snapshot.origins
            var slots = snapshot.slots
            let key = IndexOrigin(node: origin, code: code)
            let slot: UInt16
            if let existing = slots[key] {
                slot = existing
            } else {
                guard origins.count < Int(UInt16.max) else { return nil }  // beyond 65,535 origins: back to SQLite
                slot = UInt16(origins.count)
                origins.append(key)
                slots[key] = slot
            }
            let others = origins.indices.filter { $0 != Int(slot) && origins[$0].node == origin }.map { UInt16($0) }
            var byEpoch: [UInt32: [IndexEntry]] = [:]
            for (fingerprint, epoch, day) in changes where retired.isEmpty || !retired.contains(Int64(epoch)) {
                byEpoch[epoch, default: []].append(IndexEntry(fingerprint, day: day ?? IndexEntry.removed, origin: slot))
                for other in others { byEpoch[epoch, default: []].append(IndexEntry(fingerprint, day: IndexEntry.removed, origin: other)) }
            }
            var epochs = snapshot.epochs
            for (number, entries) in byEpoch {
                let ordered = EpochIndex.ordered(entries)
                if let position = epochs.firstIndex(where: { $0.number == number }) {
                    epochs[position].index = epochs[position].index.applying(ordered)
                } else {
                    epochs.append((number, EpochIndex(base: []).applying(ordered)))
                }
            }
            return snapshot.with(epochs: epochs, origins: origins, slots: slots)
        }
    }

    /// Removes `fingerprints` of `origin`, whatever their epoch and dispositif.
    func retract(origin: String, _ fingerprints: [Fingerprint]) {
        guard !fingerprints.isEmpty else { return }
        update { snapshot in
            let mine = snapshot.origins.indices.filter { snapshot.origins[$0].node == origin }.map { UInt16($0) }
            guard !mine.isEmpty else { return snapshot }
            let removals = EpochIndex.ordered(
                fingerprints.flatMap { fingerprint in mine.map { IndexEntry(fingerprint, day: IndexEntry.removed, origin: $0) } }
            )
            return snapshot.with(epochs: snapshot.epochs.map { ($0.number, $0.index.applying(removals)) })
        }
    }

    /// Drops every entry of `origin` (a reset, or a digest divergence).
    func dropOrigin(_ origin: String) {
        update { snapshot in
            let dropped = Set(snapshot.origins.indices.filter { snapshot.origins[$0].node == origin }.map { UInt16($0) })
            guard !dropped.isEmpty else { return snapshot }
            return snapshot.with(epochs: snapshot.epochs.map { ($0.number, $0.index.removing { dropped.contains($0.origin) }) })
        }
    }

    /// Drops the entries whose last follow-up is before `cutoff` (the retention sweep).
    func dropEntries(before cutoff: Int32) {
        update { snapshot in
            snapshot.with(epochs: snapshot.epochs.map { ($0.number, $0.index.removing { $0.day < cutoff }) })
        }
    }

    /// Drops the replica entries of `retired` epochs, and replaces the own set by `own` read
    /// with `marker` (an import or a retirement, in this process or another).
    func replaceOwn(_ own: [UInt32: [IndexKey]], marker: OwnSetMarker, retired: Set<Int64>) {
        update { snapshot in
            var epochs = snapshot.epochs.filter { !retired.contains(Int64($0.number)) }
            for position in epochs.indices { epochs[position].index.own = own[epochs[position].number] ?? [] }
            for (number, keys) in own where !epochs.contains(where: { $0.number == number }) && !retired.contains(Int64(number)) {
                epochs.append((number, EpochIndex(base: [], own: keys)))
            }
            return snapshot.with(epochs: epochs, marker: marker)
        }
    }
}
