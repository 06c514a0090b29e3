public import CIIStore
import Foundation
public import Sodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The secret key of the audit log's MACs: 32 random bytes, base64 in `DATA/keys/audit.key` (0600).
///
/// Whoever holds it can rewrite the log undetected: it is a secret like the node's other keys,
/// and goes into backups with them.
public enum AuditKey {
    /// `keys/audit.key` of a node.
    public static func path(of node: NodeDirectory) -> String { "\(node.keys)/audit.key" }

    /// Reads the key at `path`.
    /// - Throws: ``AuditError`` when the file is missing, readable by others, or not a 32-byte key.
    public static func load(at path: String) throws(AuditError) -> SecretBytes {
        var text: [UInt8]
        do {
            text = try SecureFile.readSecret(path)
        } catch {
            throw AuditError(.cannotOpen, "cannot read the audit key: \(error.reason)")
        }
        defer { Sodium.wipe(&text) }
        guard var bytes = Data(base64Encoded: Data(text), options: .ignoreUnknownCharacters).map(Array.init), bytes.count == GenericHash.keyLength
        else {
            throw AuditError(.corrupt, "\(path) does not hold a \(GenericHash.keyLength)-byte base64 key; restore it from a backup of the node")
        }
        defer { Sodium.wipe(&bytes) }
        return SecretBytes(bytes)
    }

    /// Reads the key at `path`, or makes one there (0600, in a 0700 folder) if there is none. Two
    /// processes that start at once end up with the same key: the file is created only if absent.
    public static func loadOrCreate(at path: String) throws(AuditError) -> SecretBytes {
        do {
            try SecureFile.createKeyIfAbsent(at: path, byteCount: GenericHash.keyLength)
        } catch {
            throw AuditError(.cannotOpen, "cannot create the audit key: \(error.reason)")
        }
        return try load(at: path)
    }
}
