/// Why `ciid registry import` refused a file. When it is thrown, nothing was written to the registry.
public struct RegistryImportError: Error, Sendable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Code: String, Sendable, Hashable {
        /// The file cannot be read.
        case cannotRead
        /// Not a CSV file: a workbook, binary data, an unclosed quote, an empty file.
        case notCSV
        /// A required column is missing from the header.
        case missingColumn
        /// The header names a column the format does not know.
        case unknownColumn
        /// Two columns of the header are the same column.
        case duplicateColumn
        /// The rejects file cannot be written.
        case cannotWrite
        /// The import cannot be written to the audit log, so it was not applied.
        case audit
        /// The registry refused the import (a role other than the bureau, the storage failed).
        case registry
    }

    /// The kind.
    public let code: Code
    /// What happened and what to do, in English. Never holds an AVS number or a cell's value.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
