public import Foundation
import GRDB

extension NodeStore {
    /// Removes change-log entries that no peer needs any more once every peer is past them:
    /// entries recorded before `horizon` that a later entry for the same fingerprint supersedes,
    /// and retractions (tombstones) recorded before `horizon`.
    ///
    /// A peer whose checkpoint is below the highest removed sequence can no longer catch up
    /// change by change: the publisher then resends everything with a reset (see ``compactedThrough()``).
    /// - Returns: how many entries were removed.
    @discardableResult
    public func compactChangeLog(before horizon: Date) throws(StoreError) -> Int {
        let cutoff = Int64(horizon.timeIntervalSince1970)
        return try write { db in try ChangeLogCompaction.compact(db, recordedBefore: cutoff) }
    }

    /// The highest sequence compaction removed: a peer behind it needs a full resend.
    public func compactedThrough() throws(StoreError) -> Int64 {
        try read { db in try ChangeLogCompaction.mark(db) }
    }
}
