import CSodium

extension Sodium {
    /// A string of `count` decimal digits, each drawn uniformly (`randombytes_uniform(10)`), such
    /// as a one-time code sent by e-mail. Leading zeros are kept: `"004217"` is a valid result.
    public static func randomDigits(_ count: Int) -> String {
        precondition(count >= 0, "a negative number of digits was asked for")
        ensureInitialized()
        var digits = [UInt8](repeating: 0, count: count)
        for index in digits.indices { digits[index] = UInt8(ascii: "0") + UInt8(randombytes_uniform(10)) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// A random token of `bytes` random bytes, as URL-safe base64 without padding (`A–Z a–z 0–9 - _`),
    /// fit for a link, a cookie or an API token. 32 bytes give 43 characters.
    public static func randomToken(bytes: Int = 32) -> String {
        precondition(bytes >= 0, "a negative number of bytes was asked for")
        var raw = randomBytes(bytes)
        defer { wipe(&raw) }
        return base64URL(raw)
    }

    /// Encodes `bytes` as URL-safe base64 without padding (`sodium_bin2base64`).
    public static func base64URL(_ bytes: [UInt8]) -> String {
        ensureInitialized()
        let variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING
        var out = [CChar](repeating: 0, count: sodium_base64_encoded_len(bytes.count, variant))
        bytes.withUnsafeBufferPointer { input in
            _ = sodium_bin2base64(&out, out.count, input.baseAddress, input.count, variant)
        }
        defer { out.withUnsafeMutableBytes { sodium_memzero($0.baseAddress, $0.count) } }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
