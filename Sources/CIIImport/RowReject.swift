/// A data row the import refused, as listed in the rejects file.
///
/// A reject never holds an AVS number: at most its masked form (`756.****.****.85`).
public struct RowReject: Sendable, Hashable {
    /// The physical line (1-based) of the file on which the row starts; the header is line 1.
    public var line: Int
    /// The header name of the column at fault, as written in the file (empty for the whole row).
    public var column: String
    /// The rule that failed: `avs.wrong_check_digit`, `date.start_invalid`, `row.too_few_fields`…
    public var code: String
    /// What is wrong, in English.
    public var reason: String

    /// Creates a reject.
    public init(line: Int, column: String, code: String, reason: String) {
        self.line = line
        self.column = column
        self.code = code
        self.reason = reason
    }
}
