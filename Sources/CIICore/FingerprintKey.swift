public import Sodium

/// The secret key of one epoch: whoever holds it can test any AVS number against a fingerprint.
///
/// It lives only in the node's key store (a 0600 file) and in memory; `description` never
/// shows it.
public struct FingerprintKey: Sendable, CustomStringConvertible {
    /// The epoch this key fingerprints.
    public let epoch: Epoch
    /// The 32 secret bytes.
    public let secret: SecretBytes

    /// Length of a key in bytes.
    public static let byteCount = 32

    /// Wraps existing key bytes.
    /// - Throws: ``FingerprintKeyError`` when the key is not 32 bytes long.
    public init(epoch: Epoch, secret: SecretBytes) throws(FingerprintKeyError) {
        guard secret.count == Self.byteCount else {
            throw FingerprintKeyError(reason: "a federation key is \(Self.byteCount) bytes, not \(secret.count)")
        }
        self.epoch = epoch
        self.secret = secret
    }

    /// A fresh random key for `epoch`.
    public static func generate(epoch: Epoch) -> FingerprintKey {
        try! FingerprintKey(epoch: epoch, secret: .random(count: byteCount))
    }

    /// A short public identifier of the key (the first 8 bytes of an unkeyed hash), to compare
    /// keys between nodes without revealing them.
    public var keyID: String {
        let digest = secret.withUnsafeBytes { GenericHash.hash(Array("ciid key id".utf8) + Array($0), length: 8) }
        return digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// Never the key: only its epoch and identifier.
    public var description: String { "FingerprintKey(\(epoch), id \(keyID))" }
}

/// A federation key that cannot be used.
public struct FingerprintKeyError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with it (never the key itself).
    public let reason: String

    /// Creates an error.
    public init(reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
