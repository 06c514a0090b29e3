import CIIStore
import GRDB

extension AccessStore {
    /// Copies the access database to a new file at `path` while the node runs (SQLite's online
    /// backup). The copy is created 0600.
    public func backup(to path: String) throws(AccessError) {
        do {
            try SecureFile.createPrivate(path)
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
            try destination.close()
        } catch {
            throw AccessError(.storage, "cannot back the access database up to \(path): \(error)")
        }
    }
}
