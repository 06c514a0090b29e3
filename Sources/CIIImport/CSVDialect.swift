/// The delimiter of an export and where its header starts.
struct CSVDialect {
    /// `;`, `,` or TAB.
    var delimiter: UInt8
    /// The offset where records start (after a `sep=;` line, as Excel writes it).
    var position = 0
    /// The physical line of `position`.
    var line = 1

    /// The delimiters accepted, in the order preferred on a tie.
    static let candidates: [UInt8] = [0x3B, 0x09, 0x2C]

    /// Detects the dialect of `bytes`: a leading `sep=X` line decides; otherwise the candidate
    /// found most often outside quotes on the first non-blank line (`;` when there is none).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        delimiter = Self.candidates[0]
        if bytes.count >= 5, Array(bytes[0..<4]).map({ $0 | 0x20 }) == Array("sep=".utf8), Self.candidates.contains(bytes[4]),
            bytes.count == 5 || bytes[5] == 0x0A || bytes[5] == 0x0D
        {
            delimiter = bytes[4]
            position = 5
            if position < bytes.count, bytes[position] == 0x0D { position += 1 }
            if position < bytes.count, bytes[position] == 0x0A { position += 1 }
            line = 2
            return
        }
        var counts = [0, 0, 0]
        var index = 0
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x20 { index += 1 }
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted {
                if byte == 0x0A || byte == 0x0D { break }
                if let candidate = Self.candidates.firstIndex(of: byte) { counts[candidate] += 1 }
            }
        }
        var best = 0
        for candidate in 1..<counts.count where counts[candidate] > counts[best] { best = candidate }
        delimiter = Self.candidates[best]
    }

    /// The delimiter as text: `;`, `,` or a tab.
    var name: String { String(UnicodeScalar(delimiter)) }
}
