/// Why a SwissID login failed on the provider's side or in its ID token: a code to compare and
/// branch on, and a reason for the log. Neither ever holds a token, a code or a secret.
public struct SwissIDError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable, Equatable {
        /// The discovery document could not be fetched or is not the configured issuer's.
        case discovery
        /// The provider's published keys could not be fetched or read.
        case keys
        /// The token endpoint could not be reached or answered with a server error.
        case tokenExchange = "token_exchange"
        /// The token endpoint refused the code (used already, expired, another verifier: `invalid_grant`).
        case codeRefused = "code_refused"
        /// The ID token is not a well-formed signed JWT (or uses an algorithm not accepted).
        case malformedToken = "malformed_token"
        /// The ID token names a key the provider does not publish, even after fetching its keys again.
        case unknownKey = "unknown_key"
        /// The ID token's signature does not verify with the provider's key.
        case signature
        /// The ID token was issued by another issuer.
        case issuer
        /// The ID token was issued for another client.
        case audience
        /// The ID token has expired.
        case expired
        /// The ID token's nonce is not the one of this login.
        case nonce
        /// The ID token does not state a verified identity (the assurance level is missing or too low).
        case assurance
    }

    /// What went wrong.
    public let code: Code
    /// Details for the log (never a token, code or secret).
    public let reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `SwissID issuer: the ID token was issued by https://other`.
    public var description: String { "SwissID \(code.rawValue): \(reason)" }

    /// Compared by code.
    public static func == (lhs: SwissIDError, rhs: SwissIDError) -> Bool { lhs.code == rhs.code }
}
