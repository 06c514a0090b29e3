public import CIICore
import GRDB

extension NodeStore {
    /// The replica's checkpoint for `origin` (0 when nothing was received).
    public func checkpoint(of origin: NodeID) throws(StoreError) -> Int64 {
        try read { db in try ReplicaOrigin.open(db, origin: origin.rawValue).checkpoint }
    }

    /// The last reset generation applied from `origin` (0 when none was): a reset at or below it
    /// changes nothing. Peers of a restored node report it so that it resends above it.
    public func resetGeneration(of origin: NodeID) throws(StoreError) -> UInt64 {
        try read { db in try ReplicaOrigin.open(db, origin: origin.rawValue).resetGeneration }
    }

    /// Whether this node once held everything `origin` had published (a batch or heartbeat that
    /// reached the origin's end was applied): until then, overlaps it brings are existing ones, not alerts.
    public func isSynced(with origin: NodeID) throws(StoreError) -> Bool {
        try read { db in try ReplicaOrigin.open(db, origin: origin.rawValue).synced }
    }

    /// Forgets everything held of `origin` (its rows and checkpoint), so that its next batch is
    /// answered "resend from 0". Its reset generation and whether it was synced are kept: the
    /// resend raises no alert for people already known, and an old reset still changes nothing.
    public func resetOrigin(_ origin: String) throws(StoreError) {
        try write(
            { db in
                var state = try ReplicaOrigin.open(db, origin: origin)
                try state.forget(db)
            },
            afterCommit: { _, _ in self.replicaIndex.dropOrigin(origin) }
        )
    }
}
