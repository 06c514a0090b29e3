/// What went wrong in a libsodium operation.
public struct SodiumError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure.
    public enum Code: String, Sendable {
        /// A key of the wrong length was given.
        case badKeyLength
        /// A ciphertext could not be opened (wrong key or altered data).
        case cannotOpen
        /// libsodium reported a failure.
        case failed
    }

    /// The kind of failure.
    public let code: Code
    /// What happened, without any key material.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Compares by code only.
    public static func == (lhs: SodiumError, rhs: SodiumError) -> Bool { lhs.code == rhs.code }

    /// A message for people.
    public var description: String { "sodium: \(reason)" }
}
