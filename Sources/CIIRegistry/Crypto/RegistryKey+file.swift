public import CIIStore
import Foundation
public import Sodium

extension RegistryKey {
    /// Reads the key at `path`.
    /// - Throws: ``RegistryKeyError`` when the file is missing, readable by others, or not a
    ///   32-byte base64 key.
    public static func load(at path: String) throws(RegistryKeyError) -> RegistryKey {
        var text: [UInt8]
        do {
            text = try SecureFile.readSecret(path)
        } catch {
            throw RegistryKeyError("cannot read the registry key: \(error.reason)")
        }
        defer { Sodium.wipe(&text) }
        guard var bytes = Data(base64Encoded: Data(text), options: .ignoreUnknownCharacters).map(Array.init),
            bytes.count == KeyDerivation.masterKeyLength
        else {
            throw RegistryKeyError("\(path) does not hold a \(KeyDerivation.masterKeyLength)-byte base64 key; restore it from a backup of the node")
        }
        defer { Sodium.wipe(&bytes) }
        return try RegistryKey(master: SecretBytes(bytes))
    }

    /// Reads the key at `path`, or makes one there (0600, in a 0700 folder) if there is none. Two
    /// processes that start at once end up with the same key: the file is created only if absent.
    public static func loadOrCreate(at path: String) throws(RegistryKeyError) -> RegistryKey {
        do {
            try SecureFile.createKeyIfAbsent(at: path, byteCount: KeyDerivation.masterKeyLength)
        } catch {
            throw RegistryKeyError("cannot create the registry key: \(error.reason)")
        }
        return try load(at: path)
    }
}
