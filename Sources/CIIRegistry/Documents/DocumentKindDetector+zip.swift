extension DocumentKindDetector {
    /// ODT when the first entry is an uncompressed `mimetype` naming OpenDocument text; DOCX or
    /// XLSX when the central directory holds `[Content_Types].xml` and `word/` or `xl/` entries.
    func zipKind() throws(DocumentError) -> DocumentKind {
        let names = try centralDirectoryNames()
        if let first = firstEntry(), first.name == "mimetype" {
            guard first.data == Array("application/vnd.oasis.opendocument.text".utf8), names.contains("mimetype") else {
                throw DocumentError(.unsupportedKind, "the OpenDocument file is not a text document (ODT); " + Self.accepted)
            }
            return .odt
        }
        if names.contains("[Content_Types].xml") {
            if names.contains(where: { $0.hasPrefix("word/") }) { return .docx }
            if names.contains(where: { $0.hasPrefix("xl/") }) { return .xlsx }
        }
        throw DocumentError(.unsupportedKind, "the ZIP archive is neither a DOCX, an XLSX nor an ODT document; " + Self.accepted)
    }

    /// The name and stored data of the first local entry, when it is uncompressed and in the head.
    private func firstEntry() -> (name: String, data: [UInt8])? {
        guard head.count >= 30, Self.le16(head, 8) == 0 else { return nil }
        let size = Self.le32(head, 18)
        let nameLength = Self.le16(head, 26)
        let extraLength = Self.le16(head, 28)
        let start = 30 + nameLength + extraLength
        guard start + size <= head.count else { return nil }
        return (String(decoding: head[30..<(30 + nameLength)], as: UTF8.self), Array(head[start..<(start + size)]))
    }

    /// The entry names of the central directory, read from the kept tail.
    private func centralDirectoryNames() throws(DocumentError) -> [String] {
        let tailStart = size - tail.count
        let damaged = DocumentError(.unsupportedKind, "the ZIP archive is damaged or its directory is too large; " + Self.accepted)
        var end = tail.count - 22
        while end >= 0, !(tail[end] == 0x50 && tail[end + 1] == 0x4B && tail[end + 2] == 0x05 && tail[end + 3] == 0x06) {
            end -= 1
            if tail.count - end > 22 + 65_535 { throw damaged }
        }
        guard end >= 0 else { throw damaged }
        let count = Self.le16(tail, end + 10)
        let directorySize = Self.le32(tail, end + 12)
        let directoryOffset = Self.le32(tail, end + 16)
        guard directoryOffset >= tailStart, directoryOffset + directorySize <= tailStart + end else { throw damaged }
        var position = directoryOffset - tailStart
        var names: [String] = []
        for _ in 0..<count {
            guard position + 46 <= end, Self.le32(tail, position) == 0x0201_4B50 else { throw damaged }
            let nameLength = Self.le16(tail, position + 28)
            let skip = Self.le16(tail, position + 30) + Self.le16(tail, position + 32)
            guard position + 46 + nameLength <= end else { throw damaged }
            names.append(String(decoding: tail[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self))
            position += 46 + nameLength + skip
        }
        return names
    }

    static func le16(_ bytes: [UInt8], _ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    static func le32(_ bytes: [UInt8], _ at: Int) -> Int { le16(bytes, at) | le16(bytes, at + 2) << 16 }
}
