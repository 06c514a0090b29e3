/// The Windows-1252 code page ("ANSI" on Western European Windows), which spreadsheets still
/// use when they save a CSV without being asked for UTF-8.
enum Windows1252 {
    /// The code points of 0x80–0x9F; the five bytes Windows leaves undefined map to the C1
    /// control of the same value, as Windows itself does. 0xA0–0xFF equal their code point.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode code point of `byte`.
    static func codePoint(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? high[Int(byte - 0x80)] : UInt32(byte)
    }

    /// Re-encodes Windows-1252 `bytes` as UTF-8.
    static func utf8(from bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                UTF8.encode(Unicode.Scalar(codePoint(byte))!) { out.append($0) }
            }
        }
        return out
    }
}
