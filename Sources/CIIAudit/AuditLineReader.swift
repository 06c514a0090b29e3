/// Reads the fields of one line of the log, in their fixed order, failing with what it expected.
struct AuditLineReader {
    /// Why a line cannot be read.
    struct Failure: Error {
        let reason: String
    }

    let bytes: ArraySlice<UInt8>
    var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        index = bytes.startIndex
    }

    var atEnd: Bool { index == bytes.endIndex }

    /// Skips `literal`, or fails naming it.
    mutating func expect(_ literal: String) throws(Failure) {
        for byte in literal.utf8 {
            guard index < bytes.endIndex, bytes[index] == byte else { throw Failure(reason: "expected `\(literal)` at column \(column)") }
            index += 1
        }
    }

    /// Skips `literal` if it comes next.
    mutating func skip(_ literal: String) -> Bool {
        let utf8 = Array(literal.utf8)
        guard bytes[index...].starts(with: utf8) else { return false }
        index += utf8.count
        return true
    }

    /// The column (1-based) the reader is at.
    var column: Int { index - bytes.startIndex + 1 }

    /// A positive decimal integer without leading zeros.
    mutating func integer() throws(Failure) -> Int64 {
        let start = index
        var value: Int64 = 0
        while index < bytes.endIndex, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[index] - 0x30))
            guard !overflow1, !overflow2 else { throw Failure(reason: "the number at column \(start - bytes.startIndex + 1) is too large") }
            value = sum
            index += 1
        }
        guard index > start else { throw Failure(reason: "expected a number at column \(column)") }
        return value
    }

    /// The raw bytes between two quotes, without escapes (a time, a hexadecimal MAC).
    mutating func plainString() throws(Failure) -> ArraySlice<UInt8> {
        try expect("\"")
        let start = index
        while index < bytes.endIndex, bytes[index] != 0x22, bytes[index] != 0x5C { index += 1 }
        let value = bytes[start..<index]
        try expect("\"")
        return value
    }

    /// 32 bytes written as 64 lowercase hexadecimal digits between quotes.
    mutating func hex32() throws(Failure) -> [UInt8] {
        let start = column
        let text = try plainString()
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var high: UInt8?
        for byte in text {
            let nibble: UInt8
            switch byte {
            case 0x30...0x39: nibble = byte - 0x30
            case 0x61...0x66: nibble = byte - 0x61 + 10
            default: throw Failure(reason: "expected lowercase hexadecimal digits at column \(start)")
            }
            if let value = high {
                out.append(value << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard text.count == 64 else { throw Failure(reason: "expected 64 hexadecimal digits at column \(start)") }
        return out
    }

    /// A JSON string, unescaped.
    mutating func string() throws(Failure) -> String {
        let start = column
        try expect("\"")
        var out: [UInt8] = []
        while true {
            guard index < bytes.endIndex else { throw Failure(reason: "the text at column \(start) does not end") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22:
                guard let text = String(validating: out, as: UTF8.self) else { throw Failure(reason: "the text at column \(start) is not UTF-8") }
                return text
            case 0x5C:
                try escape(into: &out)
            case 0..<0x20:
                throw Failure(reason: "a control character at column \(column - 1)")
            default:
                out.append(byte)
            }
        }
    }

    /// One escape after a backslash.
    private mutating func escape(into out: inout [UInt8]) throws(Failure) {
        guard index < bytes.endIndex else { throw Failure(reason: "the line ends in an escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case 0x22, 0x5C, 0x2F: out.append(byte)
        case 0x62: out.append(0x08)
        case 0x66: out.append(0x0C)
        case 0x6E: out.append(0x0A)
        case 0x72: out.append(0x0D)
        case 0x74: out.append(0x09)
        case 0x75:
            var scalar = try codeUnit()
            if (0xD800..<0xDC00).contains(scalar) {
                try expect("\\u")
                let low = try codeUnit()
                guard (0xDC00..<0xE000).contains(low) else { throw Failure(reason: "a broken surrogate pair at column \(column)") }
                scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let value = Unicode.Scalar(scalar) else { throw Failure(reason: "a lone surrogate at column \(column)") }
            UTF8.encode(value) { out.append($0) }
        default:
            throw Failure(reason: "an unknown escape at column \(column - 1)")
        }
    }

    /// Four hexadecimal digits after `\u`.
    private mutating func codeUnit() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.endIndex, let digit = Character(Unicode.Scalar(bytes[index])).hexDigitValue else {
                throw Failure(reason: "expected four hexadecimal digits at column \(column)")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
