/// The bytes of an export re-encoded as UTF-8, and the encoding the file was written in.
struct DecodedText {
    /// The text as UTF-8, without a byte-order mark.
    var utf8: [UInt8]
    /// `utf-8`, `windows-1252`, `utf-16le` or `utf-16be`.
    var encoding: String

    /// Decodes `bytes`: UTF-8 (with or without a BOM) when they are valid UTF-8, UTF-16 when a
    /// UTF-16 BOM says so, Windows-1252 otherwise.
    /// - Throws: ``ImportError/Code/notCSV`` for a workbook or other binary file.
    init(_ bytes: [UInt8]) throws(ImportError) {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw ImportError(.notCSV, "The file is an Excel workbook, not a CSV file: save it as \"CSV UTF-8\" and import that file.")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units = [UInt16]()
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                units.append(little ? a | b << 8 : a << 8 | b)
                index += 2
            }
            utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
            encoding = little ? "utf-16le" : "utf-16be"
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if body.withUnsafeBufferPointer(UTF8Validation.isValid) {
                utf8 = body
                encoding = "utf-8"
            } else {
                utf8 = Windows1252.utf8(from: body)
                encoding = "windows-1252"
            }
        }
        if utf8.contains(0) {
            throw ImportError(.notCSV, "The file holds binary data (NUL bytes), not text: export the follow-ups as CSV.")
        }
    }
}
