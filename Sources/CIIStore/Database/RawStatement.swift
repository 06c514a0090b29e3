import CIICore
import GRDB
import GRDBSQLite

/// A prepared SQLite statement driven through the C API, for the store's bulk loops (snapshot and
/// batch application), where GRDB's per-row argument arrays cost more than the SQL itself.
/// Lives inside one GRDB transaction and one connection; finalized when released.
final class RawStatement {
    private let db: OpaquePointer
    private var statement: OpaquePointer?
    /// Fingerprint bytes bound to the statement stay here until the next bind (SQLITE_STATIC); a
    /// fingerprint is bound as its ``Fingerprint/width`` bytes (16 or 32).
    private var blobs: [UnsafeMutableRawBufferPointer] = []

    init(_ database: Database, _ sql: String) throws {
        guard let connection = database.sqliteConnection else { throw StoreError(.writeFailed, "the database connection is closed") }
        db = connection
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            throw StoreError(.writeFailed, "cannot prepare a statement: \(String(cString: sqlite3_errmsg(db)))")
        }
        let parameters = Int(sqlite3_bind_parameter_count(statement))
        blobs = (0..<max(parameters, 1)).map { _ in .allocate(byteCount: 32, alignment: 8) }
    }

    deinit {
        sqlite3_finalize(statement)
        for blob in blobs { blob.deallocate() }
    }

    func bind(_ index: Int32, _ fingerprint: Fingerprint) {
        let blob = blobs[Int(index) - 1]
        fingerprint.withUnsafeBytes { blob.copyMemory(from: $0) }
        sqlite3_bind_blob(statement, index, blob.baseAddress, Int32(fingerprint.width), nil)
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }

    func bind(_ index: Int32, _ text: String?) {
        guard let text else {
            sqlite3_bind_null(statement, index)
            return
        }
        sqlite3_bind_text(statement, index, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))  // SQLITE_TRANSIENT
    }

    /// Runs a statement that returns no row.
    func run() throws {
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_DONE else {
            throw StoreError(.writeFailed, "a statement failed: \(String(cString: sqlite3_errmsg(db)))")
        }
    }

    /// Runs a query and calls `row` for each result row, with column access.
    func query(_ row: (RawStatement) throws -> Void) throws {
        defer { sqlite3_reset(statement) }
        while true {
            let rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw StoreError(.readFailed, "a query failed: \(String(cString: sqlite3_errmsg(db)))") }
            try row(self)
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
    func text(_ column: Int32) -> String? { sqlite3_column_text(statement, column).map { String(cString: $0) } }

    func fingerprint(_ column: Int32) -> Fingerprint? {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count == Fingerprint.byteCount || count == Fingerprint.compactByteCount, let bytes = sqlite3_column_blob(statement, column) else {
            return nil
        }
        return Fingerprint(bytes: UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// Rows the last insert, update or delete on this connection changed.
    var changes: Int32 { sqlite3_changes(db) }

    /// The rowid of the last insert on this connection.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(db) }
}
