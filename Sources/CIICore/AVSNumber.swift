/// A Swiss social security number (AHVN13, "numéro AVS"): `756.XXXX.XXXX.XC`.
///
/// The value is validated at construction (prefix 756, 13 digits, EAN-13 check digit) and
/// never printed: `description` gives the masked form `756.****.****.85`, so an AVS number
/// that slips into a log line or an error message reveals nothing.
///
/// ```swift
/// let avs = try AVSNumber("756.9217.0769.85")
/// print(avs) // 756.****.****.85
/// ```
public struct AVSNumber: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The 13 digits as one integer (7_569_217_076_985 for `756.9217.0769.85`).
    @usableFromInline let value: UInt64

    /// Parses and validates an AVS number written with or without dots and spaces.
    /// - Throws: ``AVSNumberError`` naming the rule that failed.
    @inlinable
    public init(_ text: some StringProtocol) throws(AVSNumberError) {
        let utf8 = Array(text.utf8)
        let result = utf8.withUnsafeBytes { buffer in
            Result { () throws(AVSNumberError) -> AVSNumber in try AVSNumber(utf8: buffer) }
        }
        self = try result.get()
    }

    /// Parses and validates an AVS number from UTF-8 bytes (the allocation-free form used by imports).
    /// - Throws: ``AVSNumberError`` naming the rule that failed.
    public init(utf8 bytes: UnsafeRawBufferPointer) throws(AVSNumberError) {
        var value: UInt64 = 0
        var digits = 0
        var checkSum = 0
        var lastDigit = 0
        var position = 0
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { throw AVSNumberError(.empty) }
        var index = start
        while index < end {
            let byte = bytes[index]
            position += 1
            index += 1
            if byte == 0x2E || byte == 0x20 { continue }  // '.' and ' ' separate groups
            if byte == 0xC2, index < end, bytes[index] == 0xA0 {  // no-break space, as spreadsheets write it
                index += 1
                continue
            }
            guard byte >= 0x30, byte <= 0x39 else { throw AVSNumberError(.invalidCharacter, position: position) }
            let digit = Int(byte &- 0x30)
            digits += 1
            if digits <= 13 {
                value = value &* 10 &+ UInt64(digit)
                if digits <= 12 { checkSum += digits % 2 == 1 ? digit : 3 * digit }
                lastDigit = digit
            }
        }
        guard digits == 13 else { throw AVSNumberError(.wrongLength, digitCount: digits) }
        guard value / 10_000_000_000 == 756 else { throw AVSNumberError(.wrongPrefix) }
        guard (10 - checkSum % 10) % 10 == lastDigit else { throw AVSNumberError(.wrongCheckDigit) }
        self.value = value
    }

    /// The 13 digits as one integer, without formatting. Meant for fingerprinting and the
    /// synthetic data of tests and the demo; never log it.
    public var digitsValue: UInt64 { value }

    /// Builds the number from the first 12 digits, adding the check digit.
    /// - Precondition: `first12` starts with 756 and has 12 digits.
    public init(completing first12: UInt64) {
        precondition(first12 / 1_000_000_000 == 756, "an AVS number starts with 756")
        var rest = first12
        var digits = [Int](repeating: 0, count: 12)
        for index in (0..<12).reversed() {
            digits[index] = Int(rest % 10)
            rest /= 10
        }
        var sum = 0
        for (index, digit) in digits.enumerated() { sum += index % 2 == 0 ? digit : 3 * digit }
        self.value = first12 * 10 + UInt64((10 - sum % 10) % 10)
    }

    /// Calls `body` with the 13 ASCII digits, without allocating.
    @inlinable
    public func withDigits<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var rest = value
        var digits: (UInt64, UInt64) = (0, 0)
        return try withUnsafeMutableBytes(of: &digits) { buffer in
            for index in (0..<13).reversed() {
                buffer[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                rest /= 10
            }
            return try body(UnsafeRawBufferPointer(rebasing: buffer[0..<13]))
        }
    }

    /// The masked form, `756.****.****.85`: enough for a person to recognise a line, useless to anyone else.
    public var masked: String {
        let lastTwo = value % 100
        return "756.****.****.\(lastTwo < 10 ? "0" : "")\(lastTwo)"
    }

    /// The full written form `756.9217.0769.85`. Only for showing a number back to the person who typed it.
    public var formatted: String {
        let s = String(value)
        let d = Array(s)
        return "\(String(d[0..<3])).\(String(d[3..<7])).\(String(d[7..<11])).\(String(d[11..<13]))"
    }

    /// The masked form: never the digits.
    public var description: String { masked }

    /// The masked form: never the digits.
    public var debugDescription: String { "AVSNumber(\(masked))" }
}
