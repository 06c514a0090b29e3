import CIICore
import GRDBSQLite

#if canImport(Glibc)
import Glibc
#endif

/// One read-only SQLite connection with its prepared lookup statement and open read transaction.
/// Used by one task at a time (``ReplicaReader`` hands it out).
final class ReaderConnection: @unchecked Sendable {
    private var db: OpaquePointer?
    private var statement: OpaquePointer?
    private var begin: OpaquePointer?
    private var commit: OpaquePointer?
    private var inTransaction = false
    private var seenGeneration: UInt64 = .max
    private var snapshotTakenAt: UInt64 = 0
    /// The bound fingerprint lives here: SQLite reads it during `sqlite3_step`, after binding.
    private let key = UnsafeMutableRawBufferPointer.allocate(byteCount: 32, alignment: 8)

    static let sql = """
        SELECT origin, dispositif, last_on FROM replica WHERE fingerprint = ?1
        UNION ALL SELECT NULL, NULL, last_on FROM own_followup WHERE epoch = ?2 AND fingerprint = ?1
        """

    init(path: String) throws(StoreError) {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(db)
            throw StoreError(.cannotOpen, "cannot open \(path) for checks: \(message)")
        }
        sqlite3_busy_timeout(db, 5000)
        sqlite3_exec(db, "PRAGMA mmap_size = 2147483648; PRAGMA cache_size = -65536", nil, nil, nil)
        try prepare(Self.sql, into: &statement)
        try prepare("BEGIN", into: &begin)
        try prepare("COMMIT", into: &commit)
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_finalize(begin)
        sqlite3_finalize(commit)
        sqlite3_close(db)
        key.deallocate()
    }

    private func prepare(_ sql: String, into statement: inout OpaquePointer?) throws(StoreError) {
        guard sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK else {
            throw StoreError(.cannotOpen, "cannot prepare the check query: \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    /// Ends the held read transaction and starts a new one when the data may have changed.
    func refreshIfNeeded(generation: UInt64, maximumStaleness: UInt64) throws(StoreError) {
        let now = Self.monotonicNanoseconds()
        if inTransaction, generation == seenGeneration, now &- snapshotTakenAt < maximumStaleness { return }
        if inTransaction {
            sqlite3_step(commit)
            sqlite3_reset(commit)
        } else if sqlite3_get_autocommit(db) == 0 {
            // A failed lookup may have left its read open: end it, or BEGIN would fail from now on.
            sqlite3_exec(db, "ROLLBACK", nil, nil, nil)
        }
        guard sqlite3_step(begin) == SQLITE_DONE else {
            sqlite3_reset(begin)
            inTransaction = false
            throw StoreError(.readFailed, "cannot start a read: \(String(cString: sqlite3_errmsg(db)))")
        }
        sqlite3_reset(begin)
        inTransaction = true
        seenGeneration = generation
        snapshotTakenAt = now
    }

    func lookup(_ fingerprint: Fingerprint, epoch: Epoch, _ body: (String?, String?, Day) -> Void) throws(StoreError) {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        fingerprint.withUnsafeBytes { key.copyMemory(from: $0) }
        guard sqlite3_bind_blob(statement, 1, key.baseAddress, Int32(fingerprint.width), nil) == SQLITE_OK,
            sqlite3_bind_int64(statement, 2, Int64(epoch.number)) == SQLITE_OK
        else {
            throw StoreError(.readFailed, "cannot bind the check query")
        }
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else {
                inTransaction = false
                throw StoreError(.readFailed, "the check query failed: \(String(cString: sqlite3_errmsg(db)))")
            }
            let origin = sqlite3_column_text(statement, 0).map { String(cString: $0) }
            let dispositif = sqlite3_column_text(statement, 1).map { String(cString: $0) }
            body(origin, dispositif, Day(daysSince1970: Int32(truncatingIfNeeded: sqlite3_column_int64(statement, 2))))
        }
    }

    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC_COARSE, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
