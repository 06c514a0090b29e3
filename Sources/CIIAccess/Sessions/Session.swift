public import Foundation

/// A logged-in browser: the account and the anti-forgery token its forms carry.
public struct Session: Sendable {
    /// The account, as read when the session was checked.
    public var account: Account
    /// The token every form (and every JSON call with the session cookie) must carry.
    public var csrf: String
    /// When the person logged in.
    public var createdAt: Date
    /// The last request.
    public var lastSeenAt: Date
    /// The stored hash of the cookie secret.
    let tokenHash: Data
}

/// A session just opened, with the secret for the cookie (never stored).
public struct NewSession: Sendable {
    /// The cookie's value.
    public let token: String
    /// The session.
    public let session: Session
}
