import CSodium

/// Keyed and unkeyed BLAKE2b (`crypto_generichash`).
public enum GenericHash {
    /// Length of a key for the keyed hash, in bytes (32).
    public static let keyLength = Int(crypto_generichash_KEYBYTES)

    /// Hashes `input` under `key` into `output` (16 to 64 bytes long).
    ///
    /// This is the allocation-free form used on hot paths such as fingerprinting.
    /// - Parameters:
    ///   - input: bytes to hash.
    ///   - key: the secret key, `keyLength` bytes (any length from 16 to 64 is accepted by libsodium).
    ///   - output: where the digest goes; its count is the digest length.
    public static func hash(_ input: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        let rc = crypto_generichash(
            output.baseAddress!.assumingMemoryBound(to: UInt8.self),
            output.count,
            input.baseAddress?.assumingMemoryBound(to: UInt8.self),
            UInt64(input.count),
            key.baseAddress?.assumingMemoryBound(to: UInt8.self),
            key.count
        )
        precondition(rc == 0, "crypto_generichash refused its arguments")
    }

    /// Unkeyed BLAKE2b of `input`, `length` bytes long (32 by default).
    public static func hash(_ input: [UInt8], length: Int = 32) -> [UInt8] {
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: length)
        input.withUnsafeBytes { i in
            out.withUnsafeMutableBytes { o in
                _ = crypto_generichash(
                    o.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    length,
                    i.baseAddress?.assumingMemoryBound(to: UInt8.self),
                    UInt64(i.count),
                    nil,
                    0
                )
            }
        }
        return out
    }
}
