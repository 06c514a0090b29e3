public import CIICore
public import CIIStore
import Foundation
public import Sodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The registry data key: 32 random bytes, base64 in `DATA/keys/registry.key` (0600).
///
/// The coordinator is the one place where plain AVS numbers, situation texts and documents are
/// kept; they are kept sealed under subkeys of this key:
/// - ``seal(_:binding:)`` / ``open(_:binding:)`` for fields (XChaCha20-Poly1305, bound to the
///   record and field they belong to, so that a sealed value cannot be moved elsewhere);
/// - ``personIndex(of:)``, the exact keyed index that finds a person by AVS number without a plain
///   column (keyed BLAKE2b of the 13 digits);
/// - ``documentKey``, for the documents' encrypted streams.
///
/// Whoever holds the key reads the registry: it goes into backups with the node's other keys and
/// never into a log line; `description` never shows it.
public struct RegistryKey: Sendable, CustomStringConvertible {
    /// The subkey of fields.
    let fieldKey: SecretBytes
    /// The subkey of the AVS index.
    let indexKey: SecretBytes
    /// The subkey of documents (for ``Sodium`` stream encryption).
    public let documentKey: SecretBytes

    /// `keys/registry.key` of a node.
    public static func path(of node: NodeDirectory) -> String { "\(node.keys)/registry.key" }

    /// Derives the subkeys of a 32-byte master key.
    /// - Throws: ``RegistryKeyError`` when the master key is not 32 bytes.
    public init(master: SecretBytes) throws(RegistryKeyError) {
        do {
            fieldKey = try KeyDerivation.subkey(1, context: "ciid-reg", from: master)
            indexKey = try KeyDerivation.subkey(2, context: "ciid-reg", from: master)
            documentKey = try KeyDerivation.subkey(3, context: "ciid-reg", from: master)
        } catch {
            throw RegistryKeyError("a registry key is \(KeyDerivation.masterKeyLength) bytes; restore keys/registry.key from a backup")
        }
    }

    /// A fresh random key (for tests and new registries; a node uses ``loadOrCreate(at:)``).
    public static func generate() -> RegistryKey {
        try! RegistryKey(master: .random(count: KeyDerivation.masterKeyLength))
    }

    /// Seals `plaintext` for the field named by `context` (for example `"case:42/situation"`).
    public func seal(_ plaintext: [UInt8], binding context: String) -> [UInt8] {
        try! SecretBox.seal(plaintext, key: fieldKey, additionalData: Array(context.utf8))
    }

    /// Seals a text for the field named by `context`.
    public func seal(text: String, binding context: String) -> [UInt8] {
        seal(Array(text.utf8), binding: context)
    }

    /// Opens a value sealed by ``seal(_:binding:)`` for the same `context`.
    /// - Throws: ``RegistryKeyError`` when it was altered, sealed under another key, or belongs to
    ///   another field.
    public func open(_ sealed: [UInt8], binding context: String) throws(RegistryKeyError) -> [UInt8] {
        do {
            return try SecretBox.open(sealed, key: fieldKey, additionalData: Array(context.utf8))
        } catch {
            throw RegistryKeyError("a sealed registry field (\(context)) cannot be opened: it was altered, or sealed under another registry key")
        }
    }

    /// Opens a text sealed by ``seal(text:binding:)``.
    /// - Throws: ``RegistryKeyError`` as ``open(_:binding:)`` does, or when it is not UTF-8.
    public func openText(_ sealed: [UInt8], binding context: String) throws(RegistryKeyError) -> String {
        guard let text = String(validating: try open(sealed, binding: context), as: UTF8.self) else {
            throw RegistryKeyError("a sealed registry field (\(context)) does not hold UTF-8 text")
        }
        return text
    }

    /// The exact index of a person by AVS number: 32 bytes, equal for equal numbers, telling
    /// nothing without the key.
    public func personIndex(of avs: AVSNumber) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        avs.withDigits { digits in
            indexKey.withUnsafeBytes { key in
                out.withUnsafeMutableBytes { GenericHash.hash(digits, key: key, into: $0) }
            }
        }
        return out
    }

    /// Never the key.
    public var description: String { "RegistryKey(secret)" }
}
