import CSodium

/// Derives independent subkeys from one master key (`crypto_kdf_derive_from_key`, BLAKE2b).
public enum KeyDerivation {
    /// Length of a master key, in bytes (32).
    public static let masterKeyLength = Int(crypto_kdf_keybytes())

    /// The subkey number `id` of `masterKey` for the purpose `context` (exactly 8 ASCII bytes,
    /// such as `"ciid-reg"`), `length` bytes long (16 to 64).
    /// - Throws: ``SodiumError`` when the master key, the context or the length is not valid.
    public static func subkey(_ id: UInt64, context: String, length: Int = 32, from masterKey: SecretBytes) throws(SodiumError) -> SecretBytes {
        guard masterKey.count == masterKeyLength else { throw SodiumError(.badKeyLength, "a master key is \(masterKeyLength) bytes") }
        let contextBytes = Array(context.utf8)
        guard contextBytes.count == Int(crypto_kdf_contextbytes()) else {
            throw SodiumError(.failed, "a key derivation context is \(crypto_kdf_contextbytes()) bytes")
        }
        guard (Int(crypto_kdf_bytes_min())...Int(crypto_kdf_bytes_max())).contains(length) else {
            throw SodiumError(.failed, "a subkey is 16 to 64 bytes")
        }
        Sodium.ensureInitialized()
        var out = [UInt8](repeating: 0, count: length)
        let rc = masterKey.withUnsafeBytes { m in
            contextBytes.withUnsafeBufferPointer { c in
                c.withMemoryRebound(to: CChar.self) { c in
                    crypto_kdf_derive_from_key(&out, length, id, c.baseAddress!, m.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
            }
        }
        guard rc == 0 else { throw SodiumError(.failed, "crypto_kdf_derive_from_key failed") }
        defer { Sodium.wipe(&out) }
        return SecretBytes(out)
    }
}
