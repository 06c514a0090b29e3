import CIICore

/// The node's own set as the in-memory index holds it, read by the overlap rule while a batch is
/// applied: a fingerprint it does not hold is not one of the node's people, so the rule skips
/// its SQLite lookup. Made only when the index holds exactly the database's own set (see
/// ``ReplicaIndex/ownSet(matching:)``); a fingerprint it holds is still looked up in SQLite
/// (the index keeps 16-byte prefixes).
struct OwnSetView {
    let snapshot: ReplicaSnapshot

    /// Whether the own set may hold `fingerprint` under `epoch`: false means it does not.
    @inline(__always)
    func mayHold(_ fingerprint: Fingerprint, epoch: Int64) -> Bool {
        guard let index = snapshot.epoch(UInt32(truncatingIfNeeded: epoch)) else { return false }
        return index.ownHolds(IndexKey(fingerprint))
    }
}
