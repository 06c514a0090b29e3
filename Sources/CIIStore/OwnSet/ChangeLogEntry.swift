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
            let statement = try RawStatement(db, "SELECT seq, kind, epoch, fingerprint, last_on FROM change_log WHERE seq > ?1 ORDER BY seq LIMIT ?2")
            statement.bind(1, sequence)
            statement.bind(2, Int64(limit))
            var entries: [ChangeLogEntry] = []
            entries.reserveCapacity(min(limit, 5000))
            try statement.query { row in
                guard let fingerprint = row.fingerprint(3), let epoch = Epoch(UInt32(truncatingIfNeeded: row.int64(2))) else {
                    throw StoreError(.corrupt, "change_log holds a row that is not a fingerprint")
                }
                entries.append(
                    ChangeLogEntry(
                        sequence: row.int64(0),
                        kind: ChangeKind(rawValue: row.int64(1)) ?? .upsert,
                        epoch: epoch,
                        fingerprint: fingerprint,
                        lastOn: row.isNull(4) ? nil : Day(daysSince1970: Int32(truncatingIfNeeded: row.int64(4)))
                    )
                )
            }
            return entries
        }
    }

    /// The last sequence written, 0 when the log is empty.
    public func lastSequence() throws(StoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM change_log") ?? 0 }
    }
}
