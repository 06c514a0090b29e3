extension MailMessage {
    /// UTF-8 bytes per encoded-word: 39 bytes make 52 base64 characters, so `Subject: ` and one
    /// word fit in 78 columns.
    static let encodedWordBytes = 39

    /// `text` as RFC 2047 encoded-words (`=?utf-8?B?…?=`), never splitting a character between two.
    /// Join them with `"\r\n "` to fold the header field.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > encodedWordBytes {
                words.append("=?utf-8?B?\(base64(chunk))?=")
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?utf-8?B?\(base64(chunk))?=") }
        return words
    }

    /// Standard base64 with padding (RFC 4648 section 4).
    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = Int(bytes[index])
            let b1 = index + 1 < bytes.count ? Int(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? Int(bytes[index + 2]) : 0
            out.append(table[b0 >> 2])
            out.append(table[(b0 & 0x03) << 4 | b1 >> 4])
            out.append(index + 1 < bytes.count ? table[(b1 & 0x0F) << 2 | b2 >> 6] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? table[b2 & 0x3F] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` as quoted-printable UTF-8 (RFC 2045 section 6.7) with CRLF line ends and lines of
    /// at most 76 characters. A `.` that would start a line is encoded too, so no line of the body
    /// can end the SMTP data early whatever the client does.
    static func quotedPrintable(_ text: String) -> String {
        var lines: [[UInt8]] = [[]]
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n") where previous == UInt8(ascii: "\r"): break
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): lines.append([])
            default: lines[lines.count - 1].append(byte)
            }
            previous = byte
        }
        if lines.count > 1, lines[lines.count - 1].isEmpty { lines.removeLast() }
        if text.isEmpty { return "" }

        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for line in lines {
            var column = 0
            for (offset, byte) in line.enumerated() {
                let isLast = offset == line.count - 1
                let literal = (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "=") || (byte == 0x20 || byte == 0x09) && !isLast
                let width = literal ? 1 : 3
                if column + width > 75 {
                    out += Array("=\r\n".utf8)
                    column = 0
                }
                if literal && !(byte == UInt8(ascii: ".") && column == 0) {
                    out.append(byte)
                    column += 1
                } else {
                    out += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                    column += 3
                }
            }
            out += Array("\r\n".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
