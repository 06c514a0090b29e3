/// One record of a ``CSVTable``: its fields as text, and where it sits in the file.
public struct CSVRow: Sendable, Hashable {
    /// The physical line (1-based) on which the record starts.
    public var line: Int
    /// The physical line on which it ends (later than `line` when a quoted field holds a line break).
    public var lastLine: Int
    /// The fields, unquoted, surrounding spaces removed.
    public var fields: [String]

    /// Creates a row.
    public init(line: Int, lastLine: Int, fields: [String]) {
        self.line = line
        self.lastLine = lastLine
        self.fields = fields
    }

    /// Field `index`, or the empty string when the row is shorter.
    public subscript(_ index: Int) -> String { index < fields.count ? fields[index] : "" }
}
