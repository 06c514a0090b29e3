import CIICore
public import Foundation
import GRDB

extension NodeStore {
    /// Replaces the node's own set with `followUps`, the institution's current follow-ups, in one
    /// transaction, and writes what changed to the change log.
    ///
    /// - People new to the set, or whose last follow-up moved, become upserts.
    /// - People of the old set missing from `followUps` (of any epoch) become retractions.
    /// - Anyone else changes nothing, so importing the same snapshot twice writes no change.
    ///   A change of start date or caseworker alone is kept locally and not published.
    ///
    /// - Parameters:
    ///   - followUps: the snapshot, one entry per fingerprint (the importer merges duplicates).
    ///   - record: what the import read, kept in the import history.
    ///   - now: the time written to the change log.
    public func applySnapshot(_ followUps: [OwnFollowUp], record: ImportRecord, now: Date = Date()) throws(StoreError) -> SnapshotSummary {
        try write { db in
            var current = [OwnKey: OwnFollowUp]()
            let rows = try Row.fetchCursor(db, sql: "SELECT epoch, fingerprint, started_on, last_on, caseworker FROM own_followup")
            while let row = try rows.next() {
                guard let epoch = Epoch(UInt32(row[0] as Int64)), let fingerprint = row[1] as Fingerprint? else {
                    throw StoreError(.corrupt, "own_followup holds a row that is not a fingerprint")
                }
                current[OwnKey(epoch: epoch, fingerprint: fingerprint)] = OwnFollowUp(
                    fingerprint: fingerprint, epoch: epoch, startedOn: row[2], lastOn: row[3], caseworker: row[4])
            }

            let upsertOwn = try db.cachedStatement(
                sql: """
                    INSERT INTO own_followup (epoch, fingerprint, started_on, last_on, caseworker) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (epoch, fingerprint) DO UPDATE SET started_on = excluded.started_on, last_on = excluded.last_on,
                    caseworker = excluded.caseworker
                    """)
            let deleteOwn = try db.cachedStatement(sql: "DELETE FROM own_followup WHERE epoch = ? AND fingerprint = ?")
            let logChange = try db.cachedStatement(
                sql: "INSERT INTO change_log (kind, epoch, fingerprint, last_on, recorded_at) VALUES (?, ?, ?, ?, ?)")
            let recordedAt = Int64(now.timeIntervalSince1970)
            var summary = SnapshotSummary(people: followUps.count, upserted: 0, retracted: 0, unchanged: 0)
            var firstSeq: Int64?

            for followUp in followUps {
                let key = OwnKey(epoch: followUp.epoch, fingerprint: followUp.fingerprint)
                let previous = current.removeValue(forKey: key)
                if previous == followUp {
                    summary.unchanged += 1
                    continue
                }
                try upsertOwn.execute(arguments: [
                    Int64(followUp.epoch.number), followUp.fingerprint, followUp.startedOn, followUp.lastOn, followUp.caseworker,
                ])
                if previous?.lastOn == followUp.lastOn {
                    summary.unchanged += 1
                    continue
                }
                try logChange.execute(arguments: [
                    ChangeKind.upsert.rawValue, Int64(followUp.epoch.number), followUp.fingerprint, followUp.lastOn, recordedAt,
                ])
                firstSeq = firstSeq ?? db.lastInsertedRowID
                summary.upserted += 1
            }
            for (key, _) in current {
                try deleteOwn.execute(arguments: [Int64(key.epoch.number), key.fingerprint])
                try logChange.execute(arguments: [ChangeKind.retract.rawValue, Int64(key.epoch.number), key.fingerprint, nil, recordedAt])
                firstSeq = firstSeq ?? db.lastInsertedRowID
                summary.retracted += 1
            }
            summary.firstSequence = firstSeq
            summary.lastSequence = firstSeq == nil ? nil : db.lastInsertedRowID
            try db.execute(
                sql: """
                    INSERT INTO import_run (finished_at, source, epoch, rows_read, rows_rejected, people, upserted, retracted, unchanged,
                    first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    recordedAt, record.source, Int64(followUps.first?.epoch.number ?? 0), record.rowsRead, record.rowsRejected,
                    summary.people, summary.upserted, summary.retracted, summary.unchanged, summary.firstSequence, summary.lastSequence,
                ])
            return summary
        }
    }

    /// The node's own follow-ups, all epochs.
    public func ownFollowUps() throws(StoreError) -> [OwnFollowUp] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT epoch, fingerprint, started_on, last_on, caseworker FROM own_followup").map { row in
                OwnFollowUp(
                    fingerprint: row[1], epoch: Epoch(UInt32(row[0] as Int64)) ?? .first, startedOn: row[2], lastOn: row[3],
                    caseworker: row[4])
            }
        }
    }

    /// How many people the node's own set holds.
    public func ownCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM own_followup") ?? 0 }
    }
}

struct OwnKey: Hashable {
    let epoch: Epoch
    let fingerprint: Fingerprint
}
