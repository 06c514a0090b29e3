/// The second line of defence that keeps secrets out of the log, applied to every entry as it is
/// written: callers must never pass an AVS number, a password, a key or a code, but a mistake
/// must not end up in a file kept for a year.
///
/// - Anything shaped like an AVS number (13 digits starting with 756, with or without `.`, ` `
///   or `-`, not part of a longer run of letters or digits such as a hexadecimal fingerprint)
///   becomes ``avsMask``, whatever its check digit.
/// - The value of a detail whose name says it holds a secret (`password`, `secret`, `code`,
///   `otp`, `pin`, `key`, `token`, `avs`…) becomes ``removed``.
/// - Any text longer than ``maximumLength`` characters is cut.
public enum AuditRedaction {
    /// What an AVS number is replaced with.
    public static let avsMask = "756.****.****.**"
    /// What the value of a secret detail is replaced with.
    public static let removed = "[removed]"
    /// The longest text kept in one field, in characters.
    public static let maximumLength = 1000

    /// Detail names whose values are never written.
    static let secretNames: [[UInt8]] = ["code", "otp", "pin", "key", "token", "avs", "avs_number", "nss", "ahv", "ahvn13"].map { Array($0.utf8) }
    /// Words that make any detail name secret, wherever they appear in it.
    static let secretWords: [[UInt8]] = ["password", "secret"].map { Array($0.utf8) }
    /// Endings that make a detail name secret.
    static let secretSuffixes: [[UInt8]] = ["_code", "_key", "_token"].map { Array($0.utf8) }

    /// Whether a detail named `key` may hold a secret, so that its value is never written
    /// (compared without regard to ASCII case; runs for every detail of every entry, so it works
    /// on bytes rather than through `lowercased()` and string searching).
    public static func isSecret(key: String) -> Bool {
        var name = Array(key.utf8)
        for index in name.indices where name[index] >= 0x41 && name[index] <= 0x5A { name[index] |= 0x20 }
        if secretNames.contains(name) || name.starts(with: "avs".utf8) { return true }
        for suffix in secretSuffixes where name.count >= suffix.count && name.suffix(suffix.count).elementsEqual(suffix) { return true }
        for word in secretWords where name.count >= word.count {
            for start in 0...(name.count - word.count) where name[start] == word[0] {
                if name[start..<start + word.count].elementsEqual(word) { return true }
            }
        }
        return false
    }

    /// `text` without anything shaped like an AVS number, cut to ``maximumLength`` characters.
    public static func clean(_ text: String) -> String {
        var text = text
        if text.utf8.count > maximumLength, text.count > maximumLength { text = String(text.prefix(maximumLength)) + "…" }
        guard mayHoldAVSNumber(text.utf8) else { return text }
        return maskAVSNumbers(Array(text.utf8))
    }

    /// Whether `bytes` has 13 digits or more and a `7` that does not follow a letter, digit or `_`,
    /// where an AVS number would start: one quick pass, so that hexadecimal fingerprints (many
    /// digits, but no such `7` except perhaps the first) are rarely copied.
    static func mayHoldAVSNumber(_ bytes: String.UTF8View) -> Bool {
        var digits = 0
        var startsAWord7 = false
        var previous: UInt8 = 0x20  // the text's start counts as a space
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
                if byte == 0x37, !isWordByte(previous) { startsAWord7 = true }
            }
            previous = byte
        }
        return digits >= 13 && startsAWord7
    }

    /// A letter, a digit or `_`: what an AVS number may not touch.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }

    /// Replaces each delimited run of 13 digits starting with 756 (groups separated by `.`, ` ` or `-`).
    static func maskAVSNumbers(_ bytes: [UInt8]) -> String {
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x20 || byte == 0x2D }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x37, index == 0 || !isWordByte(bytes[index - 1]), let end = avsEnd(bytes, from: index) {
                out.append(contentsOf: avsMask.utf8)
                index = end
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)

        /// Where an AVS-shaped run starting at `start` ends, if there is one.
        func avsEnd(_ bytes: [UInt8], from start: Int) -> Int? {
            var digits: [UInt8] = []
            var index = start
            while index < bytes.count, digits.count < 13 {
                let byte = bytes[index]
                if isDigit(byte) {
                    digits.append(byte)
                } else if !(isSeparator(byte) && index + 1 < bytes.count && isDigit(bytes[index + 1]) && isDigit(bytes[index - 1])) {
                    break
                }
                index += 1
            }
            guard digits.count == 13, digits.starts(with: [0x37, 0x35, 0x36]) else { return nil }
            if index < bytes.count, isWordByte(bytes[index]) { return nil }
            return index
        }
    }
}
