import CIICore
public import Foundation
import GRDB
import GRDBSQLite

extension NodeStore {
    /// Replaces the node's own set with `followUps`, the institution's current follow-ups, in one
    /// transaction, and writes what changed to the change log.
    ///
    /// - People new to the set, or whose last follow-up moved, become upserts.
    /// - People of the old set missing from `followUps` (of any epoch) become retractions.
    /// - Anyone else changes nothing, so importing the same snapshot twice writes no change.
    ///   A change of start date, caseworker or reference alone is kept locally and not published.
    ///
    /// - Parameters:
    ///   - followUps: the snapshot, one entry per fingerprint (the importer merges duplicates).
    ///   - record: what the import read, kept in the import history.
    ///   - now: the time written to the change log.
    ///   - beforeCommit: called inside the transaction, once everything is written, with what changed;
    ///     when it throws (the audit log cannot be written), nothing is applied. It is called only
    ///     after the transaction's pages are in the write-ahead log (`sqlite3_db_cacheflush`), so a
    ///     full disk refuses the import before the audit log records it, not after.
    /// - Throws: ``StoreError`` `refused` when the snapshot is fingerprinted under a retired epoch
    ///   (an import that started before the retirement): nothing is applied; import again.
    ///   ``StoreError`` `aborted` when `beforeCommit` throws, with its error as the reason.
    public func applySnapshot(
        _ followUps: [OwnFollowUp],
        record: ImportRecord,
        now: Date = Date(),
        beforeCommit: (@Sendable (SnapshotSummary, SnapshotChanges) throws -> Void)? = nil
    ) throws(StoreError) -> SnapshotSummary {
        try write(
            { db -> SnapshotSummary in
                let retired = Set(try Int64.fetchAll(db, sql: "SELECT epoch FROM retired_epoch"))
                if !retired.isEmpty, let stale = followUps.first(where: { retired.contains(Int64($0.epoch.number)) }) {
                    throw StoreError(
                        .refused,
                        "this import fingerprinted under \(stale.epoch), which the federation retired meanwhile; nothing was applied: import again"
                    )
                }
                var current = [OwnKey: OwnFollowUp]()
                current.reserveCapacity(followUps.count)
                try RawStatement(db, "SELECT epoch, fingerprint, started_on, last_on, caseworker, reference FROM own_followup").query { row in
                    guard let epoch = Epoch(UInt32(truncatingIfNeeded: row.int64(0))), let fingerprint = row.fingerprint(1) else {
                        throw StoreError(.corrupt, "own_followup holds a row that is not a fingerprint")
                    }
                    current[OwnKey(epoch: epoch, fingerprint: fingerprint)] = OwnFollowUp(
                        fingerprint: fingerprint,
                        epoch: epoch,
                        startedOn: Day(daysSince1970: Int32(truncatingIfNeeded: row.int64(2))),
                        lastOn: Day(daysSince1970: Int32(truncatingIfNeeded: row.int64(3))),
                        caseworker: row.text(4),
                        reference: row.text(5)
                    )
                }

                let upsertOwn = try RawStatement(
                    db,
                    """
                    INSERT INTO own_followup (epoch, fingerprint, started_on, last_on, caseworker, reference) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                    ON CONFLICT (epoch, fingerprint) DO UPDATE SET started_on = excluded.started_on, last_on = excluded.last_on,
                    caseworker = excluded.caseworker, reference = excluded.reference
                    """
                )
                let deleteOwn = try RawStatement(db, "DELETE FROM own_followup WHERE epoch = ?1 AND fingerprint = ?2")
                // A person who becomes ours while other origins already hold them is present there from
                // now on (no alert: they did not appear there), so that a resend of those origins raises none.
                let presentAlready = try RawStatement(
                    db,
                    """
                    INSERT INTO overlap_presence (origin, epoch, fingerprint) SELECT origin, epoch, fingerprint FROM replica
                    WHERE fingerprint = ?2 AND epoch = ?1 ON CONFLICT (origin, epoch, fingerprint) DO NOTHING
                    """
                )
                // With an empty replica (a node's first import, before it has joined) no origin holds
                // anyone: the per-person lookup is skipped.
                let replicaHoldsAnyone = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM replica_entry)") ?? true
                let presentNoMore = try RawStatement(db, "DELETE FROM overlap_presence WHERE epoch = ?1 AND fingerprint = ?2")
                let logChange = try RawStatement(
                    db,
                    "INSERT INTO change_log (kind, epoch, fingerprint, last_on, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                )
                let recordedAt = Int64(now.timeIntervalSince1970)
                logChange.bind(5, recordedAt)
                var summary = SnapshotSummary(people: followUps.count, upserted: 0, retracted: 0, unchanged: 0)
                var firstSeq: Int64?
                var changes = SnapshotChanges()

                // In key order, so that the WITHOUT ROWID table grows at its end instead of at random pages.
                for followUp in followUps.sorted(by: { ($0.epoch, $0.fingerprint) < ($1.epoch, $1.fingerprint) }) {
                    let key = OwnKey(epoch: followUp.epoch, fingerprint: followUp.fingerprint)
                    let previous = current.removeValue(forKey: key)
                    if previous == followUp {
                        summary.unchanged += 1
                        continue
                    }
                    let epoch = Int64(followUp.epoch.number)
                    upsertOwn.bind(1, epoch)
                    upsertOwn.bind(2, followUp.fingerprint)
                    upsertOwn.bind(3, Int64(followUp.startedOn.daysSince1970))
                    upsertOwn.bind(4, Int64(followUp.lastOn.daysSince1970))
                    upsertOwn.bind(5, followUp.caseworker)
                    upsertOwn.bind(6, followUp.reference)
                    try upsertOwn.run()
                    if previous == nil, replicaHoldsAnyone {
                        presentAlready.bind(1, epoch)
                        presentAlready.bind(2, followUp.fingerprint)
                        try presentAlready.run()
                    }
                    if previous?.lastOn == followUp.lastOn {
                        summary.unchanged += 1
                        changes.amended.append(followUp.fingerprint)
                        continue
                    }
                    if previous == nil { changes.added.append(followUp.fingerprint) } else { changes.updated.append(followUp.fingerprint) }
                    logChange.bind(1, ChangeKind.upsert.rawValue)
                    logChange.bind(2, epoch)
                    logChange.bind(3, followUp.fingerprint)
                    logChange.bind(4, Int64(followUp.lastOn.daysSince1970))
                    try logChange.run()
                    firstSeq = firstSeq ?? logChange.lastInsertedRowID
                    summary.upserted += 1
                }
                for (key, _) in current {
                    deleteOwn.bind(1, Int64(key.epoch.number))
                    deleteOwn.bind(2, key.fingerprint)
                    try deleteOwn.run()
                    changes.retracted.append(key.fingerprint)
                    presentNoMore.bind(1, Int64(key.epoch.number))
                    presentNoMore.bind(2, key.fingerprint)
                    try presentNoMore.run()
                    logChange.bind(1, ChangeKind.retract.rawValue)
                    logChange.bind(2, Int64(key.epoch.number))
                    logChange.bind(3, key.fingerprint)
                    logChange.bind(4, nil as String?)
                    try logChange.run()
                    firstSeq = firstSeq ?? logChange.lastInsertedRowID
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
                    ]
                )
                if let beforeCommit {
                    try Self.flushToLog(db)
                    do {
                        try beforeCommit(summary, changes)
                    } catch {
                        throw StoreError(.aborted, "\(error)")
                    }
                }
                return summary
            },
            afterCommit: { db, _ in self.reloadOwnSet(db) }
        )
    }

    /// Writes the transaction's dirty pages to the write-ahead log now (they stay uncommitted), so
    /// that a disk too full for them fails here, before anything outside the database (the audit
    /// log) records the transaction; the commit then writes one page at most.
    static func flushToLog(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { throw StoreError(.writeFailed, "the database connection is closed") }
        let code = sqlite3_db_cacheflush(connection)
        guard code == SQLITE_OK else {
            let system = sqlite3_system_errno(connection)
            let detail = system == 0 ? "" : " (\(String(cString: strerror(system))))"
            throw StoreError(
                .writeFailed,
                "cannot write the import to the database: \(String(cString: sqlite3_errstr(code)))\(detail); "
                    + "is the disk full? Make room on the disk of the data folder, then import again"
            )
        }
    }

    /// The node's own follow-ups, all epochs.
    public func ownFollowUps() throws(StoreError) -> [OwnFollowUp] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT epoch, fingerprint, started_on, last_on, caseworker, reference FROM own_followup").map { row in
                OwnFollowUp(
                    fingerprint: row[1],
                    epoch: Epoch(UInt32(row[0] as Int64)) ?? .first,
                    startedOn: row[2],
                    lastOn: row[3],
                    caseworker: row[4],
                    reference: row[5]
                )
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
