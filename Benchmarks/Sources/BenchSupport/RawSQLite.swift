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
