/// A registry key that cannot be read, made or used. The message never holds key material.
public struct RegistryKeyError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, and what to do.
    public let reason: String

    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
