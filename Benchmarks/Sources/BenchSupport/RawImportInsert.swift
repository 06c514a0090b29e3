import CIICore
import CIIStore
import Foundation
import GRDBSQLite

/// The ceiling of an import into a fresh store: the rows such an import writes, inserted through
/// SQLite's C API into the node database's own tables, with its schema (checks, the change log's
/// index) and its settings (WAL, `synchronous = NORMAL`, 64 MiB page cache), in one transaction,
/// one prepared statement per table, in key order as the import writes them: a row of
/// `own_followup` and an upsert entry (kind 1) of `change_log` per person, and the `import_run` row.
/// What it leaves out is what the import adds: reading the CSV, validating, merging and
/// fingerprinting the rows, and comparing them with the set already held.
public enum RawImportInsert {
    /// The follow-ups in the order the table's key sorts them (made outside the measurement).
    public static func sorted(_ followUps: [OwnFollowUp]) -> [OwnFollowUp] {
        followUps.sorted { ($0.epoch, $0.fingerprint) < ($1.epoch, $1.fingerprint) }
    }

    /// Creates a fresh node database at `path` (the node's schema, through ``NodeStore``), closes
    /// it and opens it again through the C API with the node's settings.
    public static func create(path: String) throws -> OpaquePointer? {
        do { _ = try NodeStore(path: path) }  // released at once: the schema stays
        var db: OpaquePointer?
        precondition(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, "cannot open \(path)")
        precondition(sqlite3_exec(db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536", nil, nil, nil) == SQLITE_OK)
        return db
    }

    /// Inserts `rows` (sorted by ``sorted(_:)``) into the database made by ``create(path:)`` in one
    /// transaction, then closes it.
    public static func run(_ db: OpaquePointer?, rows: [OwnFollowUp], recordedAt: Int64) {
        var own: OpaquePointer?
        var log: OpaquePointer?
        var run: OpaquePointer?
        // Bound fingerprints live in a buffer of their own until the next bind (SQLITE_STATIC).
        let key = UnsafeMutableRawBufferPointer.allocate(byteCount: 32, alignment: 8)
        defer { key.deallocate() }
        precondition(sqlite3_exec(db, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK)
        sqlite3_prepare_v2(
            db,
            "INSERT INTO own_followup (epoch, fingerprint, started_on, last_on, caseworker, reference) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            -1,
            &own,
            nil
        )
        sqlite3_prepare_v2(db, "INSERT INTO change_log (kind, epoch, fingerprint, last_on, recorded_at) VALUES (1, ?1, ?2, ?3, ?4)", -1, &log, nil)
        sqlite3_bind_int64(log, 4, recordedAt)
        for row in rows {
            row.fingerprint.withUnsafeBytes { key.copyMemory(from: $0) }
            let width = Int32(row.fingerprint.width)  // 16 bytes in an epoch made since issue 15
            let epoch = Int64(row.epoch.number)
            let lastOn = Int64(row.lastOn.daysSince1970)
            sqlite3_bind_int64(own, 1, epoch)
            sqlite3_bind_blob(own, 2, key.baseAddress, width, nil)
            sqlite3_bind_int64(own, 3, Int64(row.startedOn.daysSince1970))
            sqlite3_bind_int64(own, 4, lastOn)
            bind(own, 6, row.reference) {
                bind(own, 5, row.caseworker) {
                    precondition(sqlite3_step(own) == SQLITE_DONE, "insert failed: \(String(cString: sqlite3_errmsg(db)))")
                }
            }
            sqlite3_reset(own)
            sqlite3_bind_int64(log, 1, epoch)
            sqlite3_bind_blob(log, 2, key.baseAddress, width, nil)
            sqlite3_bind_int64(log, 3, lastOn)
            precondition(sqlite3_step(log) == SQLITE_DONE, "insert failed: \(String(cString: sqlite3_errmsg(db)))")
            sqlite3_reset(log)
        }
        sqlite3_prepare_v2(
            db,
            """
            INSERT INTO import_run (finished_at, source, epoch, rows_read, rows_rejected, people, upserted, retracted, unchanged, first_seq,
            last_seq) VALUES (?1, 'raw', ?2, ?3, 0, ?3, ?3, 0, 0, 1, ?3)
            """,
            -1,
            &run,
            nil
        )
        sqlite3_bind_int64(run, 1, recordedAt)
        sqlite3_bind_int64(run, 2, Int64(rows.first?.epoch.number ?? 0))
        sqlite3_bind_int64(run, 3, Int64(rows.count))
        precondition(sqlite3_step(run) == SQLITE_DONE, "insert failed: \(String(cString: sqlite3_errmsg(db)))")
        sqlite3_finalize(own)
        sqlite3_finalize(log)
        sqlite3_finalize(run)
        precondition(sqlite3_exec(db, "COMMIT", nil, nil, nil) == SQLITE_OK, "commit failed")
        sqlite3_close(db)
    }

    /// Binds `text` (or NULL) to parameter `index` for the duration of `body`, without copying it.
    private static func bind(_ statement: OpaquePointer?, _ index: Int32, _ text: String?, _ body: () -> Void) {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return body()
        }
        text.withUTF8 { bytes in
            sqlite3_bind_text(statement, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
            body()
        }
    }
}
