public import Foundation
import GRDB

extension NodeStore {
    /// The overlaps `audience` may read, newest first: the alerts, or with `existing` the overlaps
    /// found at a first sync, at most `limit`.
    public func overlapEvents(for audience: OverlapAudience, existing: Bool, limit: Int) throws(StoreError) -> [OverlapEvent] {
        let (condition, arguments) = audience.condition
        return try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.overlapColumns) FROM overlap_event WHERE existing = ? AND \(condition) ORDER BY id DESC LIMIT ?",
                arguments: StatementArguments([existing]) + StatementArguments(arguments) + [limit]
            ).map(OverlapEvent.init(row:))
        }
    }

    /// How many alerts of `audience` are unread (existing overlaps are never unread).
    public func unreadOverlapCount(for audience: OverlapAudience) throws(StoreError) -> Int {
        let (condition, arguments) = audience.condition
        return try read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM overlap_event WHERE read_at IS NULL AND existing = 0 AND \(condition)",
                arguments: StatementArguments(arguments)
            ) ?? 0
        }
    }

    /// Marks the alert `id` read at `moment`, if it is an unread alert of `audience`.
    /// - Returns: whether it was.
    public func markOverlapRead(_ id: Int64, for audience: OverlapAudience, at moment: Date) throws(StoreError) -> Bool {
        let (condition, arguments) = audience.condition
        return try write { db in
            try db.execute(
                sql: "UPDATE overlap_event SET read_at = ? WHERE id = ? AND read_at IS NULL AND existing = 0 AND \(condition)",
                arguments: [Int64(moment.timeIntervalSince1970), id] + StatementArguments(arguments)
            )
            return db.changesCount == 1
        }
    }
}
