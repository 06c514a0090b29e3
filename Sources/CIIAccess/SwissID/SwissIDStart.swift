import Foundation

/// A SwissID login just begun: what the browser is sent to the provider with, and the secret of
/// the cookie that ties the login to that browser. Only hashes of `state` and `browser` are stored.
public struct SwissIDStart: Sendable {
    /// The `state` parameter (single use, 10 minutes).
    public let state: String
    /// The `nonce` the ID token must carry.
    public let nonce: String
    /// The PKCE code verifier (its S256 challenge goes to the provider).
    public let verifier: String
    /// The value of the browser's short-lived cookie for this login.
    public let browser: String
}

/// A SwissID login under way, taken (once) when the provider sends the browser back.
public struct SwissIDPending: Sendable {
    /// The nonce the ID token must carry.
    public let nonce: String
    /// The PKCE code verifier for the token exchange.
    public let verifier: String
    /// The hash of the invitation the login began with, if any.
    let invitation: Data?
}

/// What came of a SwissID login whose ID token passed every check.
public enum SwissIDLogin: Sendable {
    /// A session for the linked account.
    case session(NewSession)
    /// Refused, for this reason.
    case refused(SwissIDRefusal)
}

/// Why a checked SwissID identity got no session.
public enum SwissIDRefusal: String, Sendable, Equatable {
    /// No account is linked to this SwissID (ask the bureau for a link or an invitation).
    case unlinked
    /// The linked account is disabled.
    case disabled
    /// The linked account expired (unused for months); the admin renews it.
    case expired
    /// The invitation is unknown, used or expired.
    case invitationInvalid = "invitation_invalid"
    /// The invitation's account is linked to another SwissID, or this SwissID to another account.
    case alreadyLinked = "already_linked"
}
