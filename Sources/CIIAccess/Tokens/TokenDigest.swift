import Foundation
import Sodium

/// The BLAKE2b-256 of an API token's secret as four words: the key of the in-memory token map,
/// hashed and compared without allocating (a bearer token is looked up on every API call).
struct TokenDigest: Hashable, Sendable {
    let first: UInt64
    let second: UInt64
    let third: UInt64
    let fourth: UInt64

    /// The digest of `secret`, as ``SecretToken/hash(_:)`` stores it.
    init(secret: String) {
        Sodium.ensureInitialized()
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var secret = secret
        secret.withUTF8 { input in
            withUnsafeMutableBytes(of: &words) { output in
                GenericHash.hash(UnsafeRawBufferPointer(input), key: UnsafeRawBufferPointer(start: nil, count: 0), into: output)
            }
        }
        (first, second, third, fourth) = words
    }

    /// The digest stored in the database, or nil when it is not 32 bytes long.
    init?(stored: Data) {
        guard stored.count == 32 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { _ = stored.copyBytes(to: $0) }
        (first, second, third, fourth) = words
    }
}
