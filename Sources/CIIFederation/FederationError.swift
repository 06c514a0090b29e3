/// Why the federation refused something: a batch, a manifest, a peer's answer.
///
/// Compared by code; the reason never holds key material or AVS numbers.
public struct FederationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of refusal.
    public enum Code: String, Sendable {
        /// The bytes are not what they claim to be.
        case malformed
        /// The signature does not verify.
        case badSignature
        /// The batch cannot be opened with this node's key (sealed to another node, or altered).
        case cannotOpen
        /// The batch is for another node.
        case wrongRecipient
        /// The origin is not a member of the current manifest.
        case notAMember
        /// The batch does not follow the receiver's checkpoint.
        case sequenceGap
        /// The batch is larger than allowed.
        case tooLarge
        /// The fingerprint epoch is not one the receiver accepts.
        case unknownEpoch
        /// The other node speaks another wire version: one of the two must be upgraded.
        case unsupportedVersion
        /// A federation request carries no valid member signature, or one outside the allowed clock drift.
        case unauthenticated
        /// The caller's client certificate does not belong to the member it signs as.
        case certificateMismatch
        /// The member asks more often than it may: retry later.
        case tooManyRequests
    }

    /// The kind of refusal.
    public let code: Code
    /// What was wrong.
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Compares by code.
    public static func == (lhs: FederationError, rhs: FederationError) -> Bool { lhs.code == rhs.code }

    /// `code: reason`.
    public var description: String { "\(code.rawValue): \(reason)" }
}
