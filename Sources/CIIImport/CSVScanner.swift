/// Splits UTF-8 CSV text into records (RFC 4180: fields quoted with `"`, doubled quotes inside,
/// delimiters and newlines allowed in quoted fields; CRLF, LF or CR line ends).
struct CSVScanner {
    /// The text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// `;`, `,` or TAB.
    let delimiter: UInt8
    /// The offset of the next byte to read.
    private(set) var position: Int
    /// The physical line (1-based) of `position`.
    private(set) var line: Int

    /// Starts scanning `bytes` at `position`, which is on physical line `line`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, position: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.position = position
        self.line = line
    }

    /// Reads the next record into `record`; `false` at the end of the text.
    /// - Throws: ``ImportError/Code/notCSV`` when a quoted field is never closed.
    mutating func next(into record: inout CSVRecord) throws(ImportError) -> Bool {
        let count = bytes.count
        guard position < count else { return false }
        record.reset(line: line)
        var fieldStart = true
        var quoted = false
        while position < count {
            let byte = bytes[position]
            position += 1
            if quoted {
                if byte == 0x22 {
                    if position < count, bytes[position] == 0x22 {
                        record.bytes.append(0x22)
                        position += 1
                    } else {
                        quoted = false
                    }
                    continue
                }
                if byte == 0x0A || (byte == 0x0D && (position == count || bytes[position] != 0x0A)) { line += 1 }
                record.bytes.append(byte)
            } else if byte == delimiter {
                record.endField()
                fieldStart = true
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, position < count, bytes[position] == 0x0A { position += 1 }
                record.endField()
                record.lastLine = line
                line += 1
                return true
            } else if byte == 0x22 && fieldStart {
                quoted = true
                fieldStart = false
            } else {
                fieldStart = false
                appendRun(from: position - 1, into: &record)
            }
        }
        if quoted {
            throw ImportError(
                .notCSV,
                "A quoted field opened on line \(record.line) is never closed: a \" is missing, so the rest of the file cannot be read. Fix the export and import it again."
            )
        }
        record.endField()
        record.lastLine = line
        return true
    }

    /// Appends the unquoted bytes from `start` up to the next delimiter, line end or quote, and
    /// moves past them.
    private mutating func appendRun(from start: Int, into record: inout CSVRecord) {
        var end = start + 1
        let count = bytes.count
        while end < count {
            let byte = bytes[end]
            if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == 0x22 { break }
            end += 1
        }
        record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        position = end
    }
}
