public import CIIStore

/// What an export holds once parsed and checked, before anything is applied.
///
/// Every data row is counted once: `rowsRead == followUps.count + rejects.count + outsideWindow + duplicatesMerged`.
public struct ParsedExport: Sendable {
    /// One follow-up per person inside the retention window.
    public var followUps: [OwnFollowUp]
    /// The rows refused, in file order, one per row.
    public var rejects: [RowReject]
    /// Data rows read (blank lines and the header not counted).
    public var rowsRead: Int
    /// People (after merging duplicates) whose last follow-up is older than the retention window: not imported.
    public var outsideWindow: Int
    /// Rows folded into another row of the same person.
    public var duplicatesMerged: Int
    /// Rows whose last follow-up was after today and was set to today.
    public var clampedToToday: Int
    /// The encoding the file was written in: `utf-8` or `windows-1252` (`utf-16le`, `utf-16be` with a UTF-16 BOM).
    public var encoding: String
    /// The field delimiter: `;`, `,` or a tab.
    public var delimiter: String

    /// Creates a parsed export.
    public init(
        followUps: [OwnFollowUp],
        rejects: [RowReject],
        rowsRead: Int,
        outsideWindow: Int,
        duplicatesMerged: Int,
        clampedToToday: Int,
        encoding: String,
        delimiter: String
    ) {
        self.followUps = followUps
        self.rejects = rejects
        self.rowsRead = rowsRead
        self.outsideWindow = outsideWindow
        self.duplicatesMerged = duplicatesMerged
        self.clampedToToday = clampedToToday
        self.encoding = encoding
        self.delimiter = delimiter
    }
}
