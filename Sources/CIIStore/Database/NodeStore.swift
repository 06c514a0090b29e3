import CIICore
import Foundation
public import GRDB

/// The node database: one SQLite file in WAL mode holding the node's own follow-ups (as
/// fingerprints), its change log, the replica of its peers' sets and the import history.
///
/// Writes go through GRDB; the alert check reads through ``ReplicaReader`` on connections of
/// its own. Every write is one transaction, so a node killed at any point restarts with
/// either all of a change or none of it.
public final class NodeStore: Sendable {
    /// The database file.
    public let path: String
    /// The GRDB pool (one writer, several readers).
    public let pool: DatabasePool
    /// Bumped after each committed write of this process, so readers refresh their snapshot at once.
    public let generation = WriteGeneration()
    /// The replica and own set in memory for checks, once ``loadReplicaIndex()`` loaded it; the
    /// writes of this store keep it in step.
    public let replicaIndex = ReplicaIndex()

    /// Opens (and creates or migrates) the database at `path`. A new database and its `-wal` and
    /// `-shm` files are created 0600, whatever the umask.
    /// - Throws: ``StoreError`` when the file cannot be created, opened or migrated.
    public init(path: String) throws(StoreError) {
        self.path = path
        try SecureFile.createPrivate(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -65536")  // 64 MiB per connection: bulk writes touch many pages
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try NodeStore.migrator.migrate(pool)
        } catch {
            throw StoreError(.cannotOpen, "cannot open the node database at \(path): \(error)")
        }
        for suffix in ["-wal", "-shm"] { SecureFile.narrow(path + suffix) }
    }

    /// Runs `body` in one write transaction and bumps ``generation`` after it commits.
    public func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        try write(body, afterCommit: nil)
    }

    /// Runs `body` in one write transaction, then `afterCommit` once it committed, still holding
    /// the database's writer: the ``replicaIndex`` follows the commits in their order. Nothing
    /// runs `afterCommit` when the transaction fails; `afterCommit` cannot fail the write (it
    /// unloads the index when it cannot follow).
    func write<T: Sendable>(
        _ body: @Sendable (Database) throws -> T,
        afterCommit: ((Database, T) -> Void)?
    ) throws(StoreError) -> T {
        do {
            let result: T
            if let afterCommit {
                result = try pool.writeWithoutTransaction { (db: Database) -> T in
                    var value: T?
                    try db.inTransaction {
                        value = try body(db)
                        return .commit
                    }
                    guard let value else { throw StoreError(.writeFailed, "a write transaction ended without its result") }
                    afterCommit(db, value)
                    return value
                }
            } else {
                result = try pool.write(body)
            }
            generation.bump()
            return result
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.writeFailed, "the node database refused a write: \(error)")
        }
    }

    /// Runs `body` in a read transaction.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(.readFailed, "the node database refused a read: \(error)")
        }
    }
}
