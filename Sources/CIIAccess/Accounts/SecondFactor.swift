/// How an account proves itself after its password.
public enum SecondFactor: String, Sendable, Hashable, Codable {
    /// A 6-digit code e-mailed at each login.
    case email
    /// A code from an authenticator app (TOTP, RFC 6238), once the user enrolled one.
    case totp
}
