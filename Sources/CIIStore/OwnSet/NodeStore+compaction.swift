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
        return try write { db in
            try db.execute(
                sql: """
                    CREATE TEMP TABLE IF NOT EXISTS doomed (seq INTEGER PRIMARY KEY);
                    DELETE FROM doomed;
                    INSERT INTO doomed SELECT c.seq FROM change_log c WHERE c.recorded_at < ?1 AND (c.kind = 2 OR EXISTS
                        (SELECT 1 FROM change_log later WHERE later.epoch = c.epoch AND later.fingerprint = c.fingerprint AND later.seq > c.seq));
                    """,
                arguments: [cutoff]
            )
            let removed = try Int.fetchOne(db, sql: "SELECT count(*) FROM doomed") ?? 0
            guard removed > 0 else { return 0 }
            try db.execute(
                sql: """
                    INSERT INTO node_meta (key, value) VALUES ('compacted_through', (SELECT max(seq) FROM doomed))
                    ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), excluded.value);
                    DELETE FROM change_log WHERE seq IN (SELECT seq FROM doomed);
                    DELETE FROM doomed;
                    """
            )
            return removed
        }
    }

    /// The highest sequence compaction removed: a peer behind it needs a full resend.
    public func compactedThrough() throws(StoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM node_meta WHERE key = 'compacted_through'") ?? 0 }
    }

    /// Drops replica entries whose last follow-up is before `cutoff` (days since 1970), whatever their origin did.
    /// - Returns: how many were dropped.
    @discardableResult
    public func dropReplicaEntries(before cutoff: Int32) throws(StoreError) -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM replica WHERE last_on < ?", arguments: [Int64(cutoff)])
            return db.changesCount
        }
    }

    /// Forgets everything held of `origin`, so that its next batch is answered "resend from 0".
    public func resetOrigin(_ origin: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM replica WHERE origin = ?", arguments: [origin])
            try db.execute(sql: "UPDATE replica_checkpoint SET sequence = 0 WHERE origin = ?", arguments: [origin])
        }
    }
}
