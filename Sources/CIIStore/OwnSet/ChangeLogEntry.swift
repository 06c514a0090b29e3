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
        try read { db in try Self.changes(db, after: sequence, limit: limit) }
    }

    /// The next run of changes for a peer that holds this node's changes through `sequence`: at
    /// most `limit` entries after it, and the sequence the run brings the peer to. That is the
    /// last entry's when the run is cut at `limit`; otherwise the last sequence written, so that
    /// entries removed from the end of the log (compacted, or of a retired epoch) are covered too.
    /// Both are read in one transaction: an import that commits meanwhile is never skipped.
    public func changeRun(after sequence: Int64, limit: Int = 5000) throws(StoreError) -> (entries: [ChangeLogEntry], through: Int64) {
        try read { db in
            let entries = try Self.changes(db, after: sequence, limit: limit)
            if entries.count >= limit, let last = entries.last { return (entries, last.sequence) }
            return (entries, max(sequence, try Self.lastSequence(db)))
        }
    }

    /// The last sequence written, 0 when nothing was ever written. Sequences are never reused, so
    /// entries removed since (compacted, or of a retired epoch) still count: peers hold through it.
    public func lastSequence() throws(StoreError) -> Int64 {
        try read { db in try Self.lastSequence(db) }
    }

    static func lastSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0)") ?? 0
    }

    static func changes(_ db: Database, after sequence: Int64, limit: Int) throws -> [ChangeLogEntry] {
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
