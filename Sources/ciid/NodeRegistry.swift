import CIIRegistry
import CIIRegistrySQLite
import CIIStore

/// The coordinator's registry: its key, its SQLite store and its domain service.
enum NodeRegistry {
    /// `DATA/registry.sqlite`.
    static func databasePath(_ directory: NodeDirectory) -> String { "\(directory.root)/registry.sqlite" }

    /// The registry's domain service on the node's store, with the node's registry key (made at first use).
    static func service(_ directory: NodeDirectory) throws -> RegistryService {
        do {
            let key = try RegistryKey.loadOrCreate(at: RegistryKey.path(of: directory))
            return RegistryService(store: try SQLiteRegistryStore(path: databasePath(directory), key: key))
        } catch let error as RegistryKeyError {
            throw CLIError(error.reason)
        } catch {
            throw CLIError("the registry cannot be opened: \(error)")
        }
    }
}
