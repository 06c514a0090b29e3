/// The index of one epoch: the replica's entries as a sorted array with a radix directory, a small
/// sorted delta of the changes applied since the array was built, and the node's own set.
///
/// - `base`: sorted by key then origin slot, no removals. `directory[b] ..< directory[b + 1]` are
///   the positions of the keys whose top `bits` bits are `b`: the keys are uniform hashes, so a
///   lookup reads one directory word and a few neighbouring entries (one or two cache misses)
///   instead of the 23 dependent reads of a binary search over 5 million entries.
/// - `delta`: sorted the same way; an entry overrides the base's entry of the same key and origin,
///   a ``IndexEntry/removed`` day hides it. Merged into the base when it outgrows
///   ``deltaLimit``, so applying a batch copies the delta, not the whole array.
/// - `own`: the keys of the node's own follow-ups under this epoch, sorted.
struct EpochIndex: Sendable {
    private(set) var base: [IndexEntry]
    private var directory: [UInt32]
    private var shift: UInt64
    private(set) var delta: [IndexEntry]
    var own: [IndexKey]

    /// Entries in the delta above which it is merged into the base.
    static let deltaLimit = 65_536

    /// An index of `base`, which must be sorted by ``IndexEntry/precedes(_:_:)`` and hold no removal.
    init(base: [IndexEntry], own: [IndexKey] = []) {
        self.base = base
        self.delta = []
        self.own = own
        self.directory = []
        self.shift = 64
        buildDirectory()
    }

    /// Entries held (base and delta; a delta entry that replaces a base entry counts twice).
    var count: Int { base.count + delta.count }

    /// Bytes the entries, directory and own keys take (spare capacity of a grown array, which
    /// the kernel does not back until it is written, not counted).
    var bytes: Int {
        (base.count + delta.count) * MemoryLayout<IndexEntry>.stride + directory.count * 4 + own.count * MemoryLayout<IndexKey>.stride
    }

    private mutating func buildDirectory() {
        // About four entries per bucket: 2^20 buckets (4 MiB) at 5M entries.
        var bits = 4
        while bits < 26, (1 << (bits + 2)) < base.count { bits += 1 }
        shift = UInt64(64 - bits)
        var directory = [UInt32](repeating: 0, count: (1 << bits) + 1)
        var bucket = 0
        for (position, entry) in base.enumerated() {
            let target = Int(entry.hi >> shift)
            while bucket <= target {
                directory[bucket] = UInt32(position)
                bucket += 1
            }
        }
        while bucket < directory.count {
            directory[bucket] = UInt32(base.count)
            bucket += 1
        }
        self.directory = directory
    }

    /// Calls `body` with the origin slot and day of every entry of `key`.
    @inline(__always)
    func forEach(_ key: IndexKey, _ body: (UInt16, Int32) -> Void) {
        let bucket = Int(key.hi >> shift)
        base.withUnsafeBufferPointer { base in
            directory.withUnsafeBufferPointer { directory in
                var position = Int(directory[bucket])
                let end = Int(directory[bucket + 1])
                while position < end, base[position].hi < key.hi || (base[position].hi == key.hi && base[position].lo < key.lo) {
                    position += 1
                }
                if delta.isEmpty {
                    while position < end, base[position].hi == key.hi, base[position].lo == key.lo {
                        body(base[position].origin, base[position].day)
                        position += 1
                    }
                    return
                }
                let changed = deltaRange(key)
                while position < end, base[position].hi == key.hi, base[position].lo == key.lo {
                    let origin = base[position].origin
                    if !changed.contains(where: { delta[$0].origin == origin }) { body(origin, base[position].day) }
                    position += 1
                }
                for index in changed where !delta[index].isRemoval { body(delta[index].origin, delta[index].day) }
            }
        }
    }

    /// Whether the own set holds `key`.
    @inline(__always)
    func ownHolds(_ key: IndexKey) -> Bool {
        guard !own.isEmpty else { return false }
        var low = 0
        var high = own.count
        while low < high {
            let middle = (low + high) / 2
            if own[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < own.count && own[low] == key
    }

    private func deltaRange(_ key: IndexKey) -> Range<Int> {
        var low = 0
        var high = delta.count
        while low < high {
            let middle = (low + high) / 2
            let entry = delta[middle]
            if entry.hi < key.hi || (entry.hi == key.hi && entry.lo < key.lo) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < delta.count, delta[end].hi == key.hi, delta[end].lo == key.lo { end += 1 }
        return low..<end
    }

    /// This index with `changes` applied (sorted by ``IndexEntry/precedes(_:_:)``, one per key
    /// and origin, the last change of each): they go to the delta, which is merged into the base
    /// once it outgrows ``deltaLimit``.
    func applying(_ changes: [IndexEntry]) -> EpochIndex {
        guard !changes.isEmpty else { return self }
        var next = self
        next.delta = Self.merge(delta, changes, dropRemovals: false)
        if next.delta.count > Self.deltaLimit { next.compact() }
        return next
    }

    /// Merges the delta into the base.
    mutating func compact() {
        guard !delta.isEmpty else { return }
        base = Self.merge(base, delta, dropRemovals: true)
        delta = []
        buildDirectory()
    }

    /// This index without the entries for which `drop` holds (the delta merged first).
    func removing(where drop: (IndexEntry) -> Bool) -> EpochIndex {
        var next = self
        next.compact()
        let kept = next.base.filter { !drop($0) }
        guard kept.count != next.base.count else { return next }
        next.base = kept
        next.buildDirectory()
        return next
    }

    /// `old` and `new` merged in order; where both hold a key and origin, `new`'s entry wins.
    static func merge(_ old: [IndexEntry], _ new: [IndexEntry], dropRemovals: Bool) -> [IndexEntry] {
        var merged = [IndexEntry]()
        merged.reserveCapacity(old.count + new.count)
        old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new in
                var i = 0
                var j = 0
                while i < old.count || j < new.count {
                    let entry: IndexEntry
                    if j == new.count || (i < old.count && IndexEntry.precedes(old[i], new[j])) {
                        entry = old[i]
                        i += 1
                    } else {
                        if i < old.count, IndexEntry.sameSlot(old[i], new[j]) { i += 1 }
                        entry = new[j]
                        j += 1
                    }
                    if dropRemovals, entry.isRemoval { continue }
                    merged.append(entry)
                }
            }
        }
        return merged
    }

    /// `entries` sorted, keeping the last of each key and origin (the order of a batch's changes).
    static func ordered(_ entries: [IndexEntry]) -> [IndexEntry] {
        let order = entries.indices.sorted { a, b in
            IndexEntry.precedes(entries[a], entries[b]) || (IndexEntry.sameSlot(entries[a], entries[b]) && a < b)
        }
        var result = [IndexEntry]()
        result.reserveCapacity(entries.count)
        for index in order {
            if let last = result.last, IndexEntry.sameSlot(last, entries[index]) {
                result[result.count - 1] = entries[index]
            } else {
                result.append(entries[index])
            }
        }
        return result
    }

    /// Sorts entries that come in key order (the replica's own order) but whose origins of one
    /// key may not be in slot order; sorts fully when they do not come in key order.
    static func sortScanned(_ entries: inout [IndexEntry]) {
        var start = 0
        var needsFullSort = false
        entries.withUnsafeMutableBufferPointer { buffer in
            while start < buffer.count {
                var end = start + 1
                while end < buffer.count, buffer[end].hi == buffer[start].hi, buffer[end].lo == buffer[start].lo { end += 1 }
                if end - start > 1 { buffer[start..<end].sort { $0.origin < $1.origin } }
                if end < buffer.count, buffer[end].key < buffer[start].key {
                    needsFullSort = true
                    return
                }
                start = end
            }
        }
        if needsFullSort { entries.sort(by: IndexEntry.precedes) }
    }
}
