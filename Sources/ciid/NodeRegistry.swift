import CIIAccess
import CIICore
import CIIRegistry
import CIIRegistrySQLite
import CIIStore
import Foundation
import Logging

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

    /// The registry's document vault (`DATA/registry/documents`).
    static func vault(_ directory: NodeDirectory) throws -> DocumentVault {
        do {
            let key = try RegistryKey.loadOrCreate(at: RegistryKey.path(of: directory))
            return try DocumentVault(folder: DocumentVault.folder(of: directory), key: key.documentKey)
        } catch let error as RegistryKeyError {
            throw CLIError(error.reason)
        } catch {
            throw CLIError("the registry's documents cannot be opened: \(error)")
        }
    }

    /// The e-mail to the bureau (`registry.bureau_email` through the `[mail]` relay), or nil, said
    /// once in the log, when either is missing.
    static func bureauMail(_ configuration: NodeConfiguration, mailer: (any Mailer)?, logger: Logger) -> BureauMail? {
        guard let address = configuration.registry.bureauEmail else {
            logger.notice("registry.bureau_email is not set: the bureau gets no e-mail (cancellations, weekly digest of powers of attorney)")
            return nil
        }
        guard let mailer, let mail = configuration.mail else {
            logger.warning("registry.bureau_email is set but ciid.conf has no [mail] relay: the bureau gets no e-mail until one is set")
            return nil
        }
        return BureauMail(mailer: mailer, address: address, from: mail.from, node: configuration.id.rawValue, url: configuration.access.publicURL)
    }

    /// A consistent copy of the registry database at `path` (a new 0600 file).
    static func backup(_ directory: NodeDirectory, to path: String) throws {
        do {
            let key = try RegistryKey.load(at: RegistryKey.path(of: directory))
            try SQLiteRegistryStore(path: databasePath(directory), key: key).backup(to: path)
        } catch let error as RegistryKeyError {
            throw CLIError(error.reason)
        } catch {
            throw CLIError("the registry cannot be backed up: \(error)")
        }
    }

    /// Copies the registry's document folder, without uploads still being written (`.part` files).
    static func copyDocuments(from source: String, to destination: String) throws {
        let files = FileManager.default.enumerator(atPath: source)
        try SecureFile.makeDirectory(destination)
        while let relative = files?.nextObject() as? String {
            let from = "\(source)/\(relative)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: from, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                try SecureFile.makeDirectory("\(destination)/\(relative)")
            } else if !relative.hasSuffix(".part") {
                try FileManager.default.copyItem(atPath: from, toPath: "\(destination)/\(relative)")
            }
        }
    }
}
