/// What came of opening a session after a right code.
enum SessionOpening: Sendable {
    /// The session, with its cookie secret.
    case opened(NewSession)
    /// The TOTP code's time step was used already: the code counts as a wrong one.
    case codeUsed
    /// The pending login is gone (a try sent at the same time used it, or wrong codes or a lock
    /// ended it): the person starts again.
    case loginGone
}
