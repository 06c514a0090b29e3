/// Checks that a stream of bytes, fed in pieces cut anywhere, is valid UTF-8 without NUL bytes
/// (no overlong forms, no surrogates, nothing above U+10FFFF).
struct UTF8Check: Sendable {
    private var pending = 0
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF
    /// False as soon as a byte breaks the rules.
    private(set) var isValid = true

    /// Checks the next bytes.
    mutating func feed(_ bytes: [UInt8]) {
        guard isValid else { return }
        for byte in bytes {
            if pending > 0 {
                guard byte >= low, byte <= high else { return fail() }
                pending -= 1
                low = 0x80
                high = 0xBF
                continue
            }
            switch byte {
            case 0x00: return fail()
            case 0x01...0x7F: continue
            case 0xC2...0xDF: pending = 1
            case 0xE0: (pending, low) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED: (pending, high) = (2, 0x9F)
            case 0xF0: (pending, low) = (3, 0x90)
            case 0xF1...0xF3: pending = 3
            case 0xF4: (pending, high) = (3, 0x8F)
            default: return fail()
            }
        }
    }

    /// True when everything fed is valid and no character was left unfinished.
    var isComplete: Bool { isValid && pending == 0 }

    private mutating func fail() { isValid = false }
}
