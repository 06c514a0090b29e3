import CIICore

/// The content of a dossier reference cell, read from its bytes like a caseworker cell (see
/// ``CaseworkerField``), and refused when it looks like an AVS number: the node never stores one.
enum ReferenceField: Equatable {
    /// Nothing but spaces.
    case empty
    /// A reference, trimmed.
    case reference(String)
    /// Longer than ``CaseworkerField/maximumLength`` characters (Unicode scalars).
    case tooLong
    /// Holds a control character (a line break, a tab, a C1 control).
    case control
    /// Looks like an AVS number (see ``holdsAVSNumber(_:)``).
    case avsNumber

    /// Reads a cell of valid UTF-8.
    init(_ bytes: UnsafeRawBufferPointer) {
        switch CaseworkerField(bytes) {
        case .empty: self = .empty
        case .tooLong: self = .tooLong
        case .control: self = .control
        case .identifier(let text): self = Self.holdsAVSNumber(text) ? .avsNumber : .reference(text)
        }
    }

    /// Tells whether `text` holds what looks like an AVS number. Digits grouped by single dots,
    /// spaces, no-break spaces or hyphens count as one number; a number of exactly 13 digits
    /// starting with 756 is one whatever its check digit, and a longer number is one when 13
    /// digits of it are a valid AVS number (756, check digit), so that `756.1234.5678.97-01` is
    /// refused too while long numeric dossier numbers rarely are.
    static func holdsAVSNumber(_ text: String) -> Bool {
        var digits = [UInt8]()
        var afterSeparator = false
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                digits.append(UInt8(scalar.value))
                afterSeparator = false
            } else if !digits.isEmpty, !afterSeparator, scalar == "." || scalar == " " || scalar == "\u{A0}" || scalar == "-" {
                afterSeparator = true
            } else {
                if isAVSNumber(digits) { return true }
                digits.removeAll(keepingCapacity: true)
                afterSeparator = false
            }
        }
        return isAVSNumber(digits)
    }

    /// Whether a run of ASCII digits is, or holds, an AVS number.
    private static func isAVSNumber(_ digits: [UInt8]) -> Bool {
        guard digits.count >= 13 else { return false }
        if digits.count == 13 { return digits[0] == 0x37 && digits[1] == 0x35 && digits[2] == 0x36 }
        return (0...digits.count - 13).contains { start in
            digits[start..<start + 13].withUnsafeBytes { bytes in (try? AVSNumber(utf8: bytes)) != nil }
        }
    }
}
