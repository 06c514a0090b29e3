import CIICore
import Foundation
import GRDBSQLite

/// The ceiling of a check: a point lookup of one fingerprint in the replica through SQLite's C
/// API, as PERFORMANCE.md measures it: one read-only connection, memory-mapped I/O, one prepared
/// statement, and a read transaction held open between lookups.
public final class RawLookup {
    private var db: OpaquePointer?
    private var statement: OpaquePointer?
    private let key = UnsafeMutableRawBufferPointer.allocate(byteCount: 32, alignment: 8)

    /// Opens `path` and starts the read transaction.
    public init(path: String) {
        precondition(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK, "cannot open \(path)")
        sqlite3_exec(db, "PRAGMA mmap_size = 2147483648; PRAGMA cache_size = -65536; BEGIN", nil, nil, nil)
        let sql = "SELECT origin, dispositif, last_on FROM replica WHERE fingerprint = ?1"
        precondition(sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK, "cannot prepare the lookup")
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_exec(db, "COMMIT", nil, nil, nil)
        sqlite3_close(db)
        key.deallocate()
    }

    /// Looks `fingerprint` up; returns the sum of the rows' `last_on` and text lengths (so nothing is optimised away).
    public func lookup(_ fingerprint: Fingerprint) -> Int {
        fingerprint.withUnsafeBytes { key.copyMemory(from: $0) }
        sqlite3_bind_blob(statement, 1, key.baseAddress, Int32(fingerprint.width), nil)
        var sum = 0
        while sqlite3_step(statement) == SQLITE_ROW {
            sum &+= Int(sqlite3_column_int64(statement, 2)) &+ Int(sqlite3_column_bytes(statement, 0)) &+ Int(sqlite3_column_bytes(statement, 1))
        }
        sqlite3_reset(statement)
        return sum
    }
}

/// The ceiling of an import: `rows` rows with random 32-byte keys inserted into a fresh
/// WITHOUT ROWID table shaped like `own_followup`, in one transaction, through one prepared
/// statement, with a large page cache, WAL and `synchronous = NORMAL` (as the node database).
public enum RawBulkInsert {
    /// Random keys for ``run(path:keys:)``, made outside the measurement.
    public static func keys(_ rows: Int, seed: UInt64 = 7) -> [Fingerprint] {
        var random = SplitMix64(seed: seed)
        return (0..<rows).map { _ in Fingerprint(words: (random.next(), random.next(), random.next(), random.next())) }
    }

    /// Creates the database at `path` (not measured by the caller if it wants) and returns it open.
    public static func create(path: String) -> OpaquePointer? {
        var db: OpaquePointer?
        precondition(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK)
        sqlite3_exec(
            db,
            """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;
            CREATE TABLE own_followup (epoch INTEGER NOT NULL, fingerprint BLOB NOT NULL, started_on INTEGER NOT NULL,
              last_on INTEGER NOT NULL, caseworker TEXT, PRIMARY KEY (epoch, fingerprint)) WITHOUT ROWID;
            """, nil, nil, nil)
        return db
    }

    /// Inserts one row per key into the database made by ``create(path:)`` in one transaction, then closes it.
    public static func run(_ db: OpaquePointer?, keys: [Fingerprint]) {
        var statement: OpaquePointer?
        // Bound values must outlive sqlite3_step: they live in buffers of their own (SQLITE_STATIC).
        let key = UnsafeMutableRawBufferPointer.allocate(byteCount: 32, alignment: 8)
        let caseworker = strdup("C. Dupont")
        defer {
            key.deallocate()
            free(caseworker)
        }
        sqlite3_exec(db, "BEGIN", nil, nil, nil)
        sqlite3_prepare_v2(
            db, "INSERT INTO own_followup (epoch, fingerprint, started_on, last_on, caseworker) VALUES (1, ?1, ?2, ?3, ?4)", -1, &statement, nil)
        for (index, fingerprint) in keys.enumerated() {
            fingerprint.withUnsafeBytes { key.copyMemory(from: $0) }
            sqlite3_bind_blob(statement, 1, key.baseAddress, 32, nil)
            sqlite3_bind_int64(statement, 2, 19_000 + Int64(index % 900))
            sqlite3_bind_int64(statement, 3, 20_000 + Int64(index % 900))
            sqlite3_bind_text(statement, 4, caseworker, -1, nil)
            precondition(sqlite3_step(statement) == SQLITE_DONE, "insert failed")
            sqlite3_reset(statement)
        }
        sqlite3_finalize(statement)
        precondition(sqlite3_exec(db, "COMMIT", nil, nil, nil) == SQLITE_OK, "commit failed")
        sqlite3_close(db)
    }
}
