/// The content of a caseworker cell, read from its bytes: only a valid identifier becomes a String.
/// A dossier reference cell is read the same way first (see ``ReferenceField``).
enum CaseworkerField: Equatable {
    /// Nothing but spaces.
    case empty
    /// An identifier, trimmed.
    case identifier(String)
    /// Longer than ``maximumLength`` characters (Unicode scalars).
    case tooLong
    /// Holds a control character (a line break, a tab, a C1 control).
    case control

    /// The longest identifier accepted, in characters.
    static let maximumLength = 64

    /// Reads a cell of valid UTF-8.
    init(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        var end = bytes.count
        while start < end {
            if bytes[start] == 0x20 || bytes[start] == 0x09 {
                start += 1
            } else if end - start >= 2, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                end -= 1
            } else if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        guard start < end else {
            self = .empty
            return
        }
        var characters = 0
        for index in start..<end {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F || (byte == 0xC2 && index + 1 < end && (0x80...0x9F).contains(bytes[index + 1])) {
                self = .control
                return
            }
            if byte & 0xC0 != 0x80 { characters += 1 }
        }
        guard characters <= Self.maximumLength else {
            self = .tooLong
            return
        }
        self = .identifier(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }
}
