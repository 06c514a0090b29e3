public import CIIRegistry
import CIIStore
import Foundation
import GRDB

/// The registry's default storage: SQLite through GRDB, in a database file of its own
/// (`DATA/registry.sqlite`, WAL, created 0600).
///
/// At rest, the AVS number exists only sealed (with a keyed index column to find it), and so do
/// the situation, the logbook, the cancellation, sealed history values and notices' reasons.
/// Names and birth dates stay plain (with a folded copy) for search; the admin guide says to put
/// the data folder on an encrypted disk.
///
/// Transactions run one at a time: ``transaction(_:)`` opens an immediate SQLite transaction on
/// the writer connection and holds it across the body's awaits, so nothing else writes meanwhile.
public final class SQLiteRegistryStore: RegistryStore {
    /// The database file.
    public let path: String
    let pool: DatabasePool
    let key: RegistryKey
    let gate = TransactionGate()

    /// Opens (and creates or migrates) the registry database at `path`.
    /// - Throws: ``RegistryError`` `.unavailable` when it cannot be created, opened or migrated.
    public init(path: String, key: RegistryKey) throws(RegistryError) {
        self.path = path
        self.key = key
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.allowsUnsafeTransactions = true  // a transaction spans several accesses: see transaction(_:)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            _ = try SecureFile.createPrivate(path)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw RegistryError(.unavailable, "cannot open the registry database at \(path): \(error)")
        }
        for suffix in ["-wal", "-shm"] { SecureFile.narrow(path + suffix) }
    }

    /// Runs `body` with read access to committed data.
    public func read<T: Sendable>(_ body: (any RegistryReading) async throws -> T) async throws -> T {
        try await body(SQLiteRegistryAccess(store: self, writing: false))
    }

    /// Runs `body` in one transaction, after every transaction begun before it.
    public func transaction<T: Sendable>(_ body: (any RegistryTransaction) async throws -> T) async throws -> T {
        await gate.enter()
        do {
            let result = try await run(body)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    private func run<T: Sendable>(_ body: (any RegistryTransaction) async throws -> T) async throws -> T {
        try onWriter { try $0.beginTransaction(.immediate) }
        do {
            let result = try await body(SQLiteRegistryAccess(store: self, writing: true))
            try onWriter { try $0.commit() }
            return result
        } catch {
            try? onWriter { db in if db.isInsideTransaction { try db.rollback() } }
            throw error
        }
    }

    /// Runs `body` on the writer connection, synchronously (SQLite calls are short; holding the
    /// connection across an await is what the gate is for).
    func onWriter<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction(body)
    }

    /// Writes the WAL back into the database file (tests and backups call it).
    public func checkpoint() throws {
        try onWriter { _ = try $0.checkpoint(.truncate) }
    }
}
