import CIIStore
import Foundation
public import GRDB

/// The access database (`access.sqlite` in the data folder): accounts, pending logins, sessions
/// and API tokens. Kept apart from the node database so that the replica never holds people's
/// credentials, and the audit log apart from both.
public final class AccessStore: Sendable {
    /// The GRDB pool.
    public let pool: DatabasePool

    /// Opens (and creates or migrates) the database at `path`. A new database and its `-wal` and
    /// `-shm` files are created 0600, whatever the umask.
    /// - Throws: ``AccessError`` (`storage`) when the file cannot be created, opened or migrated.
    public init(path: String) throws(AccessError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        do {
            try SecureFile.createPrivate(path)
            pool = try DatabasePool(path: path, configuration: configuration)
            try AccessStore.migrator.migrate(pool)
        } catch {
            throw AccessError(.storage, "cannot open the access database at \(path): \(error)")
        }
        for suffix in ["-wal", "-shm"] { SecureFile.narrow(path + suffix) }
    }

    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(AccessError) -> T {
        do {
            return try pool.write(body)
        } catch let error as AccessError {
            throw error
        } catch {
            throw AccessError(.storage, "the access database refused a write: \(error)")
        }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(AccessError) -> T {
        do {
            return try pool.read(body)
        } catch let error as AccessError {
            throw error
        } catch {
            throw AccessError(.storage, "the access database refused a read: \(error)")
        }
    }
}
