/// What went wrong with the audit log, and what to do. Never holds a key, a password or an AVS number.
public struct AuditError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: String, Sendable {
        /// A file or folder of the log cannot be opened or created.
        case cannotOpen
        /// Entries could not be written; none of them was kept.
        case writeFailed
        /// A file of the log cannot be read.
        case readFailed
        /// The log holds something that cannot be read back, or that the audit key does not sign.
        case corrupt
        /// The request was refused (a retention shorter than the law allows, a file that exists).
        case refused
        /// The event cannot be taken now: the queue of events waiting to be written is full.
        case unavailable
    }

    /// The kind of failure.
    public let code: Code
    /// What happened and what to do.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
