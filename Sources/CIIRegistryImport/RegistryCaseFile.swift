public import CIICore
public import CIIImport
public import CIIRegistry

/// A registry import file (`docs/registry-csv.md`) read and checked row by row, before anything
/// is written: the case periods of the valid rows, and every problem of the others.
///
/// ```swift
/// let file = try RegistryCaseFile(bytes: bytes, today: .today())
/// print(file.cases.count, file.rejects(.en).count)
/// ```
public struct RegistryCaseFile: Sendable {
    /// `utf-8`, `windows-1252`, `utf-16le` or `utf-16be`.
    public let encoding: String
    /// `;`, `,` or a tab.
    public let delimiter: String
    /// Where the columns are.
    let columns: RegistryColumnMap
    /// The data rows, in file order.
    let rows: [RegistryRow]

    /// Reads and checks `bytes` against the registry's rules as of `today`.
    /// - Throws: ``RegistryImportError`` for a file that is not CSV, lacks a header line or a
    ///   required column, or names a column the format does not know.
    public init(bytes: [UInt8], today: Day) throws(RegistryImportError) {
        let table: CSVTable
        do {
            table = try CSVTable(bytes: bytes)
        } catch {
            throw RegistryImportError(.notCSV, error.reason)
        }
        encoding = table.encoding
        delimiter = table.delimiter
        columns = try RegistryColumnMap(header: table.header.fields, line: table.header.line)
        let reader = RegistryRowReader(columns: columns, context: ValidationContext(today: today, documentCodes: [], collaboratorIDs: []))
        rows = table.rows.map(reader.read)
    }

    /// The number of data rows (blank lines left out).
    public var rowsRead: Int { rows.count }

    /// The valid rows' case periods, with the line each starts on.
    public var cases: [(line: Int, imported: ImportedCase)] {
        rows.compactMap { row in
            guard case .valid(let imported) = row.content else { return nil }
            return (row.line, imported)
        }
    }

    /// The rejects of the invalid and cancelled rows, in file order, reasons in `language`.
    public func rejects(_ language: Language) -> [RowReject] {
        rows.flatMap { row -> [RowReject] in
            switch row.content {
            case .valid: []
            case .cancelled:
                [RowReject(line: row.line, column: columnName(.field(.status)), code: "case.cancelled", reason: Messages.cancelled(language))]
            case .invalid(let problems): problems.map { reject(row.line, $0, language) }
            }
        }
    }

    /// The reject of `problem` on `line`.
    func reject(_ line: Int, _ problem: RowProblem, _ language: Language) -> RowReject {
        RowReject(line: line, column: problem.column.map(columnName) ?? "", code: problem.code, reason: problem.message(language))
    }

    /// The header of `column` as written in the file, or its key when the file has no such column.
    func columnName(_ column: RegistryColumn) -> String {
        columns.index[column].map(columns.name) ?? column.key
    }
}
