import CSodium
public import Sodium

/// Turns AVS numbers into fingerprints under one epoch's key.
///
/// fingerprint = BLAKE2b-256(key = epoch key, personal = "ciid.avs.fp.v1", message = the 13 ASCII digits).
/// The personalisation string separates this use of the key from any other (domain separation)
/// at no cost: it is part of BLAKE2b's parameter block, not of the message. Under a key of a
/// 16-byte epoch (``FingerprintKey/width``) the digest is truncated to its first 16 bytes (words
/// 2 and 3 zeroed; see ``Fingerprint/isCompact``).
public struct Fingerprinter: Sendable {
    /// The key in use.
    public let key: FingerprintKey

    /// The domain-separation context, 16 bytes (BLAKE2b's personalisation).
    public static let context: [UInt8] = Array("ciid.avs.fp.v1\0\0".utf8)

    /// Creates a fingerprinter for `key`'s epoch.
    public init(key: FingerprintKey) {
        Sodium.ensureInitialized()
        self.key = key
    }

    /// The epoch of the fingerprints this makes.
    public var epoch: Epoch { key.epoch }

    /// The width of the fingerprints this makes, in bytes (16 or 32).
    public var width: Int { key.width }

    /// The fingerprint of `avs`.
    @inlinable
    public func fingerprint(_ avs: AVSNumber) -> Fingerprint {
        var result = Fingerprint(words: (0, 0, 0, 0))
        avs.withDigits { digits in
            key.secret.withUnsafeBytes { secret in
                Swift.withUnsafeMutableBytes(of: &result.words) { out in
                    Self.hash(digits, key: secret, into: out)
                }
            }
        }
        if key.width == Fingerprint.compactByteCount {
            result.words.2 = 0
            result.words.3 = 0
        }
        return result
    }

    @usableFromInline
    static func hash(_ digits: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer) {
        context.withUnsafeBytes { personal in
            let rc = crypto_generichash_blake2b_salt_personal(
                out.baseAddress!.assumingMemoryBound(to: UInt8.self),
                32,
                digits.baseAddress!.assumingMemoryBound(to: UInt8.self),
                UInt64(digits.count),
                key.baseAddress!.assumingMemoryBound(to: UInt8.self),
                key.count,
                nil,
                personal.baseAddress!.assumingMemoryBound(to: UInt8.self)
            )
            precondition(rc == 0, "BLAKE2b refused its arguments")
        }
    }
}
