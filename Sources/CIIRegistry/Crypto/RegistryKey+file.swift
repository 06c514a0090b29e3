public import CIIStore
import Foundation
public import Sodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        if FileManager.default.fileExists(atPath: path) { return try load(at: path) }
        let folder = (path as NSString).deletingLastPathComponent
        var raw = SecretBytes.random(count: KeyDerivation.masterKeyLength).copyBytes()
        var text = Array(Data(raw).base64EncodedString().utf8)
        defer {
            Sodium.wipe(&raw)
            Sodium.wipe(&text)
        }
        let temporary = "\(path).new-\(getpid())"
        do {
            if !folder.isEmpty { try SecureFile.makeDirectory(folder) }
            try SecureFile.write(text, to: temporary)
        } catch {
            throw RegistryKeyError("cannot create the registry key: \(error.reason)")
        }
        defer { unlink(temporary) }
        if link(temporary, path) != 0, errno != EEXIST {  // never replaces a key another process made meanwhile
            throw RegistryKeyError("cannot create the registry key \(path): \(String(cString: strerror(errno)))")
        }
        return try load(at: path)
    }
}
