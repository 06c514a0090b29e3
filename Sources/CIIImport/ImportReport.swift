/// What an import read and what it changed in the node's published set.
public struct ImportReport: Sendable, Codable, Hashable {
    /// Data rows read.
    public var rowsRead: Int
    /// People imported, after merging duplicates.
    public var accepted: Int
    /// Rows refused (listed in the rejects file).
    public var rejected: Int
    /// People whose last follow-up is older than the retention window: not imported.
    public var outsideWindow: Int
    /// Rows folded into another row of the same person.
    public var duplicatesMerged: Int
    /// Rows whose last follow-up was after today and was set to today.
    public var clampedToToday: Int
    /// People added, or whose last follow-up changed: published as upserts.
    public var upserted: Int
    /// People no longer in the export: published as retractions.
    public var retracted: Int
    /// People whose published data did not change.
    public var unchanged: Int
    /// The rejects file written next to the input, when rows were refused.
    public var rejectsFile: String?
    /// The encoding of the file: `utf-8` or `windows-1252`.
    public var encoding: String
    /// The field delimiter: `;`, `,` or a tab.
    public var delimiter: String

    /// Creates a report.
    public init(
        rowsRead: Int,
        accepted: Int,
        rejected: Int,
        outsideWindow: Int,
        duplicatesMerged: Int,
        clampedToToday: Int,
        upserted: Int,
        retracted: Int,
        unchanged: Int,
        rejectsFile: String?,
        encoding: String,
        delimiter: String
    ) {
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.outsideWindow = outsideWindow
        self.duplicatesMerged = duplicatesMerged
        self.clampedToToday = clampedToToday
        self.upserted = upserted
        self.retracted = retracted
        self.unchanged = unchanged
        self.rejectsFile = rejectsFile
        self.encoding = encoding
        self.delimiter = delimiter
    }
}
