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
    /// The width of the epoch's fingerprints in bytes: 16 for epochs made since issue 15, 32 for
    /// older ones (until they are retired).
    public let width: Int

    /// The width of fingerprints of epochs made by this release.
    public static let currentWidth = Fingerprint.compactByteCount

    /// Length of a key in bytes.
    public static let byteCount = 32

    /// Wraps existing key bytes.
    /// - Parameter width: the epoch's fingerprint width, 16 or 32 (32 when a key store or manifest
    ///   made before issue 15 does not say).
    /// - Throws: ``FingerprintKeyError`` when the key is not 32 bytes long or the width is not 16 or 32.
    public init(epoch: Epoch, secret: SecretBytes, width: Int = Fingerprint.byteCount) throws(FingerprintKeyError) {
        guard secret.count == Self.byteCount else {
            throw FingerprintKeyError(reason: "a federation key is \(Self.byteCount) bytes, not \(secret.count)")
        }
        guard width == Fingerprint.byteCount || width == Fingerprint.compactByteCount else {
            throw FingerprintKeyError(reason: "an epoch's fingerprints are 16 or 32 bytes wide, not \(width): upgrade this node")
        }
        self.epoch = epoch
        self.secret = secret
        self.width = width
    }

    /// A fresh random key for `epoch`, of fingerprints `width` bytes wide (16 unless told).
    public static func generate(epoch: Epoch, width: Int = currentWidth) -> FingerprintKey {
        try! FingerprintKey(epoch: epoch, secret: .random(count: byteCount), width: width)
    }

    /// A short public identifier of the key (the first 8 bytes of an unkeyed hash), to compare
    /// keys between nodes without revealing them.
    public var keyID: String {
        let digest = secret.withUnsafeBytes { GenericHash.hash(Array("ciid key id".utf8) + Array($0), length: 8) }
        return digest.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// Never the key: only its epoch and identifier.
    public var description: String { "FingerprintKey(\(epoch), \(width * 8)-bit, id \(keyID))" }
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
