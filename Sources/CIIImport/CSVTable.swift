/// A whole CSV file read into rows of text, with the follow-up import's rules: UTF-8, UTF-16
/// (with a byte-order mark) or Windows-1252; `;`, `,` or TAB detected from a `sep=` line or the
/// header line; RFC 4180 quoting. For imports whose rows are few enough to hold as strings (the
/// registry's case periods); the follow-up import reads its records in place.
///
/// ```swift
/// let table = try CSVTable(bytes: [UInt8](data))
/// for row in table.rows { print(row.line, row[0]) }
/// ```
public struct CSVTable: Sendable {
    /// `utf-8`, `windows-1252`, `utf-16le` or `utf-16be`.
    public let encoding: String
    /// The delimiter: `;`, `,` or a tab.
    public let delimiter: String
    /// The first non-blank record: the header.
    public let header: CSVRow
    /// The data records after it; blank ones (spaces or delimiters only) are left out.
    public let rows: [CSVRow]

    /// Reads `bytes`.
    /// - Throws: ``ImportError/Code/notCSV`` for a workbook, binary data, an unclosed quote or an
    ///   empty file.
    public init(bytes: [UInt8]) throws(ImportError) {
        let text = try DecodedText(bytes)
        encoding = text.encoding
        let parsed = try text.utf8.withUnsafeBufferPointer { buffer throws(ImportError) -> (String, CSVRow, [CSVRow]) in
            let dialect = CSVDialect(buffer)
            var scanner = CSVScanner(buffer, delimiter: dialect.delimiter, position: dialect.position, line: dialect.line)
            var record = CSVRecord(text: buffer)
            var header: CSVRow?
            var rows = [CSVRow]()
            while try scanner.next(into: &record) {
                if record.isBlank { continue }
                let row = CSVRow(line: record.line, lastLine: record.lastLine, fields: (0..<record.count).map(record.string))
                if header == nil { header = row } else { rows.append(row) }
            }
            guard let header else { throw ImportError(.notCSV, "The file holds no header line: it is empty.") }
            return (dialect.name, header, rows)
        }
        delimiter = parsed.0
        header = parsed.1
        rows = parsed.2
    }
}
