/// What went wrong with the node's storage, and where.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: String, Sendable {
        /// The database (or a key file) cannot be opened or created.
        case cannotOpen
        /// A write was refused; nothing of it was applied.
        case writeFailed
        /// A read failed.
        case readFailed
        /// A file holds something that cannot be read back.
        case corrupt
        /// The operation would lose data and was refused.
        case refused
        /// A step the caller runs inside the transaction (writing the audit log) failed: nothing was applied.
        case aborted
    }

    /// The kind of failure.
    public let code: Code
    /// What happened and, where possible, what to do. Never holds key material or AVS numbers.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
