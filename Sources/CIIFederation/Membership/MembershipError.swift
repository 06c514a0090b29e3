/// Why the coordinator refused to change the membership. Nothing was changed.
public struct MembershipError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public let reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
