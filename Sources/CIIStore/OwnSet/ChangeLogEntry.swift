public import CIICore
import GRDB

/// One numbered change of the node's published set.
public struct ChangeLogEntry: Sendable, Hashable {
    /// The sequence, strictly increasing, never reused.
    public var sequence: Int64
    /// Upsert or retraction.
    public var kind: ChangeKind
    /// The epoch of the fingerprint.
    public var epoch: Epoch
    /// The fingerprint.
    public var fingerprint: Fingerprint
    /// The last follow-up date, for an upsert.
    public var lastOn: Day?
}

extension NodeStore {
    /// The change-log entries after `sequence`, oldest first, at most `limit` of them.
    public func changes(after sequence: Int64, limit: Int = 5000) throws(StoreError) -> [ChangeLogEntry] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT seq, kind, epoch, fingerprint, last_on FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?",
                arguments: [sequence, limit]
            ).map { row in
                ChangeLogEntry(
                    sequence: row[0],
                    kind: ChangeKind(rawValue: row[1]) ?? .upsert,
                    epoch: Epoch(UInt32(row[2] as Int64)) ?? .first,
                    fingerprint: row[3],
                    lastOn: row[4]
                )
            }
        }
    }

    /// The last sequence written, 0 when the log is empty.
    public func lastSequence() throws(StoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0 }
    }
}
