/// Why the registry refused an operation. The message never holds an AVS number or a case text.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Kind: String, Sendable, Hashable {
        /// The input is invalid: see ``problems`` (every one of them, not just the first).
        case invalid
        /// No such case, or one outside the caller's scope (the two answer alike).
        case notFound
        /// The case changed since the caller read it (stale `If-Match`): read it again.
        case conflict
        /// The caller's role may not do this at all.
        case forbidden
        /// The storage failed; nothing was written.
        case unavailable
    }

    /// The kind.
    public let kind: Kind
    /// For ``Kind/invalid``: every problem found.
    public let problems: [RegistryProblem]
    /// What happened and what to do.
    public let reason: String

    /// Creates an error.
    public init(_ kind: Kind, _ reason: String, problems: [RegistryProblem] = []) {
        self.kind = kind
        self.reason = reason
        self.problems = problems
    }

    /// An invalid input with its problems.
    public static func invalid(_ problems: [RegistryProblem]) -> RegistryError {
        RegistryError(.invalid, "the input has \(problems.count) problem(s): correct them and send it again", problems: problems)
    }

    /// A case that does not exist or is out of scope.
    public static var notFound: RegistryError { RegistryError(.notFound, "no such case") }

    /// The reason, with the problems.
    public var description: String {
        problems.isEmpty ? reason : "\(reason): \(problems.map(\.description).joined(separator: "; "))"
    }
}
