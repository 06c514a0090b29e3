import CIICore
import Foundation
import GRDBSQLite

/// The ceiling of replication (issue 15): `rows` rows with random 16-byte keys inserted into a
/// fresh table shaped like the compact replica (`replica_entry`: fingerprint, source, epoch,
/// last_on, WITHOUT ROWID), in one transaction, through one prepared statement of SQLite's C API,
/// with WAL, `synchronous = NORMAL` and the node database's page cache. No decoding, no
/// signature, no overlap rule: what a receiver could do at best with the same rows.
public enum RawReplicaInsert {
    /// What one run measured.
    public struct Result: Sendable {
        /// Rows inserted.
        public var rows: Int
        /// Seconds spent in the transaction (keys made before).
        public var seconds: Double
        /// Database bytes (page count × page size) per row after the commit and a checkpoint.
        public var bytesPerRow: Double
    }

    /// Creates the database at `path` (removed first), inserts `rows` rows and returns the figures.
    public static func run(path: String, rows: Int, seed: UInt64 = 11) -> Result {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        var random = SplitMix64(seed: seed)
        let keys = (0..<rows).map { _ in Fingerprint(words: (random.next(), random.next(), 0, 0)) }
        var db: OpaquePointer?
        precondition(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK)
        defer { sqlite3_close(db) }
        sqlite3_exec(
            db,
            """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;
            CREATE TABLE replica_entry (fingerprint BLOB NOT NULL CHECK (length(fingerprint) IN (16, 32)), source INTEGER NOT NULL,
              epoch INTEGER NOT NULL, last_on INTEGER NOT NULL, PRIMARY KEY (fingerprint, source)) WITHOUT ROWID;
            """,
            nil,
            nil,
            nil
        )
        var statement: OpaquePointer?
        let key = UnsafeMutableRawBufferPointer.allocate(byteCount: 32, alignment: 8)
        defer { key.deallocate() }
        let started = ContinuousClock.now
        sqlite3_exec(db, "BEGIN", nil, nil, nil)
        sqlite3_prepare_v2(db, "INSERT INTO replica_entry (fingerprint, source, epoch, last_on) VALUES (?1, 2, 2, ?2)", -1, &statement, nil)
        for (index, fingerprint) in keys.enumerated() {
            fingerprint.withUnsafeBytes { key.copyMemory(from: $0) }
            sqlite3_bind_blob(statement, 1, key.baseAddress, Int32(fingerprint.width), nil)
            sqlite3_bind_int64(statement, 2, 20_000 + Int64(index % 1200))
            precondition(sqlite3_step(statement) == SQLITE_DONE, "insert failed")
            sqlite3_reset(statement)
        }
        sqlite3_finalize(statement)
        precondition(sqlite3_exec(db, "COMMIT", nil, nil, nil) == SQLITE_OK, "commit failed")
        let elapsed = ContinuousClock.now - started
        sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nil, nil, nil)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(rows: rows, seconds: seconds, bytesPerRow: rows > 0 ? Double(size) / Double(rows) : 0)
    }
}
