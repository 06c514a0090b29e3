import CSodium

/// SHA-256 computed incrementally (`crypto_hash_sha256_*`), for the digest of a stream.
public struct SHA256Hasher: Sendable {
    private var state = crypto_hash_sha256_state()

    /// Length of a digest, in bytes (32).
    public static let digestLength = 32

    /// Starts a digest.
    public init() {
        Sodium.ensureInitialized()
        crypto_hash_sha256_init(&state)
    }

    /// Adds `bytes` to the digest.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { b in
            guard let base = b.baseAddress else { return }
            _ = crypto_hash_sha256_update(&state, base.assumingMemoryBound(to: UInt8.self), UInt64(b.count))
        }
    }

    /// The digest of everything added.
    public func finalize() -> [UInt8] {
        var copy = state
        var out = [UInt8](repeating: 0, count: Self.digestLength)
        crypto_hash_sha256_final(&copy, &out)
        return out
    }

    /// The SHA-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }
}
