public import CIIRegistry
import CIIStore
import GRDB

extension SQLiteRegistryStore {
    /// Copies the registry database to a new file at `path` (0600) while the node runs: a
    /// consistent snapshot (SQLite's online backup), sealed fields still sealed.
    /// - Throws: ``RegistryError`` with `unavailable` when the copy cannot be written.
    public func backup(to path: String) throws(RegistryError) {
        do {
            try SecureFile.createPrivate(path)
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
            try destination.close()
        } catch {
            throw RegistryError(.unavailable, "cannot back the registry database up to \(path): \(error)")
        }
    }
}
