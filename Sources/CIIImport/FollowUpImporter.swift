public import CIICore
import CIIStore

/// Reads a CSV export of an institution's current follow-ups and applies it as a snapshot of
/// the node's own set.
///
/// The export is `;`, `,` or tab separated, UTF-8 or Windows-1252, with a header line naming
/// (in French, German or English) the AVS number, start and last follow-up columns and
/// optionally the caseworker and the institution's dossier reference. Other columns are ignored
/// and never stored. AVS numbers are turned into fingerprints at once: no plain number is stored
/// or logged, and a dossier reference that looks like an AVS number is refused.
///
/// ```swift
/// let importer = FollowUpImporter(fingerprinter: fingerprinter, window: .standard, maximumRejectedPercent: 5)
/// let report = try importer.importFile(at: "suivis.csv", into: store, today: .today())
/// print(report.summaryText)
/// ```
public struct FollowUpImporter: Sendable {
    /// Turns AVS numbers into fingerprints of the current epoch.
    public let fingerprinter: Fingerprinter
    /// Follow-ups whose last date is older than this are not imported.
    public let window: RetentionWindow
    /// Above this share of rejected rows (in percent of the data rows), the import is refused.
    public let maximumRejectedPercent: Int

    /// Creates an importer.
    public init(fingerprinter: Fingerprinter, window: RetentionWindow, maximumRejectedPercent: Int) {
        self.fingerprinter = fingerprinter
        self.window = window
        self.maximumRejectedPercent = min(max(maximumRejectedPercent, 0), 100)
    }

    /// Parses a whole export (no store access).
    /// - Throws: ``ImportError`` when the file is not a CSV export or its header lacks a column.
    public func parse(_ bytes: [UInt8], today: Day) throws(ImportError) -> ParsedExport {
        let text = try DecodedText(bytes)
        return try text.utf8.withUnsafeBufferPointer { buffer throws(ImportError) -> ParsedExport in
            let dialect = CSVDialect(buffer)
            var scanner = CSVScanner(buffer, delimiter: dialect.delimiter, position: dialect.position, line: dialect.line)
            var record = CSVRecord(text: buffer)
            repeat {
                guard try scanner.next(into: &record) else {
                    throw ImportError(.notCSV, "The file holds no header line: it is empty.")
                }
            } while record.isBlank
            let columns = try ColumnMap(header: (0..<record.count).map(record.string))
            let reader = RowReader(columns: columns, today: today)
            var merger = FollowUpMerger(capacity: buffer.count / 40)
            var rejects = [RowReject]()
            var rowsRead = 0
            var clamped = 0
            while try scanner.next(into: &record) {
                if record.isBlank { continue }
                rowsRead += 1
                switch reader.read(record) {
                case .valid(let row):
                    if row.clamped { clamped += 1 }
                    merger.add(row)
                case .rejected(let reject):
                    rejects.append(reject)
                }
            }
            let (kept, outside) = merger.followUps(fingerprinter: fingerprinter, window: window, today: today)
            return ParsedExport(
                followUps: kept,
                rejects: rejects,
                rowsRead: rowsRead,
                outsideWindow: outside,
                duplicatesMerged: merger.duplicatesMerged,
                clampedToToday: clamped,
                encoding: text.encoding,
                delimiter: dialect.name
            )
        }
    }
}
