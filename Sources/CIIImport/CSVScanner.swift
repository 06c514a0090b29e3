/// Splits UTF-8 CSV text into records (RFC 4180: fields quoted with `"`, doubled quotes inside,
/// delimiters and newlines allowed in quoted fields; CRLF, LF or CR line ends). A quote inside an
/// unquoted field is kept as text.
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

    /// Reads the next record into `record` (which must read the same text); `false` at the end.
    /// - Throws: ``ImportError/Code/notCSV`` when a quoted field is never closed.
    mutating func next(into record: inout CSVRecord) throws(ImportError) -> Bool {
        let count = bytes.count
        guard position < count else { return false }
        record.reset(line: line)
        while true {
            if position < count, bytes[position] == 0x22 {
                try readQuoted(into: &record)
            } else {
                let start = position
                while position < count {
                    let byte = bytes[position]
                    if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                    position += 1
                }
                record.append(.init(start: start, end: position, inScratch: false))
            }
            // At a delimiter, a line end or the end of the text.
            guard position < count else { break }
            let byte = bytes[position]
            position += 1
            if byte == delimiter { continue }
            if byte == 0x0D, position < count, bytes[position] == 0x0A { position += 1 }
            record.lastLine = line
            line += 1
            return true
        }
        record.lastLine = line
        return true
    }

    /// Reads a quoted field (and any text after its closing quote) into the record's scratch buffer.
    private mutating func readQuoted(into record: inout CSVRecord) throws(ImportError) {
        let count = bytes.count
        let openedOn = line
        let start = record.scratch.count
        position += 1
        var quoted = true
        while position < count {
            let byte = bytes[position]
            if quoted {
                position += 1
                if byte == 0x22 {
                    if position < count, bytes[position] == 0x22 {
                        record.scratch.append(0x22)
                        position += 1
                    } else {
                        quoted = false
                    }
                    continue
                }
                if byte == 0x0A || (byte == 0x0D && (position == count || bytes[position] != 0x0A)) { line += 1 }
                record.scratch.append(byte)
            } else {
                if byte == delimiter || byte == 0x0A || byte == 0x0D { break }
                record.scratch.append(byte)
                position += 1
            }
        }
        if quoted {
            throw ImportError(
                .notCSV,
                "A quoted field opened on line \(openedOn) is never closed: a \" is missing, so the rest of the file cannot be read. Fix the export and import it again."
            )
        }
        record.append(.init(start: start, end: record.scratch.count, inScratch: true))
    }
}
