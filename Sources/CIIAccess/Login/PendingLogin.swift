public import Foundation

/// A login whose password was right and whose second factor is awaited.
public struct PendingLogin: Sendable {
    /// The secret that names this pending login (a cookie); only its hash is stored.
    public let token: String
    /// How the person proves itself now.
    public let method: SecondFactor
    /// The e-mail address the code went to, masked (`a•••@vs.ch`).
    public let maskedEmail: String
    /// When the pending login ends.
    public let expiresAt: Date
    /// The account's language, for the next page.
    public let language: String
}
