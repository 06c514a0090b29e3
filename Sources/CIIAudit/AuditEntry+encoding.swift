extension AuditEntry {
    /// The end of a line after the body, without the newline: `,"mac":"` + 64 hex digits + `"}`.
    static let macSuffixLength = 8 + 64 + 2

    /// The bytes the MAC covers: the line up to and excluding `,"mac":`.
    func body() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"seq":"#.utf8)
        out.append(contentsOf: String(seq).utf8)
        out.append(contentsOf: #","time":""#.utf8)
        AuditTime.format(time, into: &out)
        out.append(contentsOf: #"","kind":"#.utf8)
        Self.appendJSON(kind, to: &out)
        out.append(contentsOf: #","actor":"#.utf8)
        Self.appendJSON(actor, to: &out)
        out.append(contentsOf: #","subject":"#.utf8)
        if let subject { Self.appendJSON(subject, to: &out) } else { out.append(contentsOf: "null".utf8) }
        out.append(contentsOf: #","outcome":"#.utf8)
        Self.appendJSON(outcome, to: &out)
        out.append(contentsOf: #","details":{"#.utf8)
        for (index, detail) in details.enumerated() {
            if index > 0 { out.append(0x2C) }
            Self.appendJSON(detail.key, to: &out)
            out.append(0x3A)
            Self.appendJSON(detail.value, to: &out)
        }
        out.append(contentsOf: #"},"prev":""#.utf8)
        Self.appendHex(prev, to: &out)
        out.append(0x22)
        return out
    }

    /// Appends the whole line: `body`, then the MAC, then a newline.
    static func appendLine(body: [UInt8], mac: [UInt8], to out: inout [UInt8]) {
        out.append(contentsOf: body)
        out.append(contentsOf: #","mac":""#.utf8)
        appendHex(mac, to: &out)
        out.append(contentsOf: "\"}\n".utf8)
    }

    /// Appends `text` as a JSON string: quotes, backslashes and every control character escaped,
    /// so that no value can end a line or a field early.
    static func appendJSON(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }) {
            out.append(contentsOf: text.utf8)  // nothing to escape: the usual case, copied at once
            out.append(0x22)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20, 0x7F:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `bytes` in lowercase hexadecimal.
    static func appendHex(_ bytes: [UInt8], to out: inout [UInt8]) {
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// `bytes` in lowercase hexadecimal.
    static func hex(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        appendHex(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
