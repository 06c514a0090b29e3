import CSodium

/// Authenticated secret-key encryption with additional data (XChaCha20-Poly1305-IETF,
/// `crypto_aead_xchacha20poly1305_ietf_*`), for data at rest.
///
/// A sealed value is the random 24-byte nonce followed by the ciphertext and its 16-byte tag.
/// The additional data (for example a record's id and a field's name) is authenticated but not
/// stored: opening with other additional data fails, so a sealed value cannot be moved to another
/// record or field unnoticed.
public enum SecretBox {
    /// Length of a key, in bytes (32).
    public static let keyLength = Int(crypto_aead_xchacha20poly1305_ietf_keybytes())
    /// Length of the nonce that starts every sealed value, in bytes (24).
    public static let nonceLength = Int(crypto_aead_xchacha20poly1305_ietf_npubbytes())
    /// What sealing adds to a message, in bytes (nonce and tag: 40).
    public static let overhead = nonceLength + Int(crypto_aead_xchacha20poly1305_ietf_abytes())

    /// Seals `message` under `key`, binding it to `additionalData`.
    /// - Throws: ``SodiumError`` with `badKeyLength` when the key is not 32 bytes.
    public static func seal(_ message: [UInt8], key: SecretBytes, additionalData: [UInt8] = []) throws(SodiumError) -> [UInt8] {
        guard key.count == keyLength else { throw SodiumError(.badKeyLength, "a secret-box key is \(keyLength) bytes") }
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: message.count + overhead)
        out.withUnsafeMutableBufferPointer { o in
            randombytes_buf(o.baseAddress!, nonceLength)
            var written: UInt64 = 0
            key.withUnsafeBytes { k in
                _ = crypto_aead_xchacha20poly1305_ietf_encrypt(
                    o.baseAddress! + nonceLength,
                    &written,
                    message,
                    UInt64(message.count),
                    additionalData,
                    UInt64(additionalData.count),
                    nil,
                    o.baseAddress!,
                    k.baseAddress!.assumingMemoryBound(to: UInt8.self)
                )
            }
        }
        return out
    }

    /// Opens a value sealed by ``seal(_:key:additionalData:)`` with the same key and additional data.
    /// - Throws: ``SodiumError`` with `cannotOpen` when the value is too short, altered, or was
    ///   sealed under another key or other additional data.
    public static func open(_ sealed: [UInt8], key: SecretBytes, additionalData: [UInt8] = []) throws(SodiumError) -> [UInt8] {
        guard key.count == keyLength else { throw SodiumError(.badKeyLength, "a secret-box key is \(keyLength) bytes") }
        guard sealed.count >= overhead else { throw SodiumError(.cannotOpen, "a sealed value is at least \(overhead) bytes") }
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: sealed.count - overhead)
        var written: UInt64 = 0
        let rc = sealed.withUnsafeBufferPointer { s in
            key.withUnsafeBytes { k in
                crypto_aead_xchacha20poly1305_ietf_decrypt(
                    &out,
                    &written,
                    nil,
                    s.baseAddress! + nonceLength,
                    UInt64(s.count - nonceLength),
                    additionalData,
                    UInt64(additionalData.count),
                    s.baseAddress!,
                    k.baseAddress!.assumingMemoryBound(to: UInt8.self)
                )
            }
        }
        guard rc == 0 else { throw SodiumError(.cannotOpen, "the sealed value was altered or sealed under another key") }
        return out
    }
}
