/// Why an import was refused. When it is thrown, nothing was applied to the node's set.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Code: String, Sendable, Codable {
        /// The file cannot be read.
        case cannotRead
        /// The file is not a CSV export: no header line, a workbook, binary data, an unclosed quote.
        case notCSV
        /// A required column (AVS number, start, last follow-up) is missing from the header.
        case missingColumn
        /// Two columns of the header hold the same information.
        case duplicateColumn
        /// No follow-up is left to import: applying it would retract every person.
        case empty
        /// Too many rows were rejected to trust the export.
        case tooManyRejects
        /// The rejects file cannot be written next to the input.
        case cannotWrite
        /// The node database refused the snapshot.
        case store
        /// The import could not be written to the audit log, so it was not applied.
        case audit
    }

    /// The kind of refusal.
    public let code: Code
    /// What happened and what to do, in English. Never holds an AVS number.
    public let reason: String
    /// The rejects file written before the refusal, if any.
    public var rejectsFile: String?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, rejectsFile: String? = nil) {
        self.code = code
        self.reason = reason
        self.rejectsFile = rejectsFile
    }

    /// The reason.
    public var description: String { reason }
}
