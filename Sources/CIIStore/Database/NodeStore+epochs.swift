public import CIICore
public import Foundation
import GRDB

extension NodeStore {
    /// Forgets everything of a retired epoch, in one transaction: replica entries (and the overlap
    /// presence they held), own follow-ups and change-log entries under it. The epoch is recorded
    /// as retired, so that a batch still carrying changes of it (sent before its origin learnt of
    /// the retirement) adds nothing.
    ///
    /// No peer needs the removed change-log entries: every node drops that epoch's entries by
    /// itself when its manifest no longer lists it, so a peer behind them is sent the rest of the
    /// log as it is. Own follow-ups of that epoch are not retracted either, for the same reason;
    /// the next import fingerprints them under the current key and publishes them again.
    /// Dropping an epoch twice changes nothing the second time.
    @discardableResult
    public func dropEpoch(_ epoch: Epoch, now: Date = Date()) throws(StoreError) -> RetirementSummary {
        try write(
            { db -> RetirementSummary in
                let number = Int64(epoch.number)
                try db.execute(
                    sql: "INSERT INTO retired_epoch (epoch, retired_at) VALUES (?, ?) ON CONFLICT (epoch) DO NOTHING",
                    arguments: [number, Int64(now.timeIntervalSince1970)]
                )
                try OverlapRule.forgetPresence(db, epoch: number)
                try db.execute(sql: "DELETE FROM replica_entry WHERE epoch = ?", arguments: [number])
                let replica = db.changesCount
                try db.execute(sql: "DELETE FROM own_followup WHERE epoch = ?", arguments: [number])
                let own = db.changesCount
                try db.execute(sql: "DELETE FROM change_log WHERE epoch = ?", arguments: [number])
                return RetirementSummary(epoch: epoch, replicaEntries: replica, ownFollowUps: own, changes: db.changesCount)
            },
            afterCommit: { db, _ in self.reloadOwnSet(db) }
        )
    }

    /// The epochs dropped as retired, oldest first.
    public func retiredEpochs() throws(StoreError) -> [Epoch] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT epoch FROM retired_epoch ORDER BY epoch").compactMap { Epoch(UInt32($0)) } }
    }

    /// Replica entries per origin and epoch: on the coordinator, which receives every set, the
    /// epochs each member still publishes.
    public func replicaCountsByEpoch() throws(StoreError) -> [String: [Epoch: Int]] {
        try read { db in
            var counts = [String: [Epoch: Int]]()
            for row in try Row.fetchAll(db, sql: "SELECT origin, epoch, count(*) FROM replica GROUP BY origin, epoch") {
                guard let epoch = Epoch(UInt32(row[1] as Int64)) else { continue }
                counts[row[0], default: [:]][epoch] = row[2]
            }
            return counts
        }
    }
}
