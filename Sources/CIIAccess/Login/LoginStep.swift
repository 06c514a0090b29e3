/// What follows a password.
public enum LoginStep: Sendable {
    /// The second factor is awaited.
    case pending(PendingLogin)
    /// Refused, and why.
    case refused(LoginRefusal)
}

/// What follows a second-factor code.
public enum CodeStep: Sendable {
    /// Logged in: the session and its cookie secret.
    case session(NewSession)
    /// Refused, and why.
    case refused(LoginRefusal)
}
