/// A document that cannot be stored, read or deleted. The reason never holds the document's
/// contents, only what went wrong and what to do.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: String, Sendable {
        /// The file is larger than the limit.
        case tooLarge
        /// The file is empty.
        case empty
        /// The content is none of the accepted kinds.
        case unsupportedKind
        /// No document has this id.
        case notFound
        /// The stored file was altered, truncated or encrypted under another key.
        case damaged
        /// The upload failed before its end.
        case interrupted
        /// The file system refused a read or a write.
        case ioFailed
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong, and what to do.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Compares by code only.
    public static func == (lhs: DocumentError, rhs: DocumentError) -> Bool { lhs.code == rhs.code }

    /// The reason.
    public var description: String { "document: \(reason)" }
}
