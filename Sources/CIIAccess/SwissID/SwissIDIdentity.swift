/// Who logged in with SwissID, once the ID token has passed every check.
public struct SwissIDIdentity: Sendable, Equatable {
    /// SwissID's stable identifier of the person (`sub`): what an account is linked to.
    public let subject: String
    /// The assurance level the token stated (one of the accepted ones).
    public let level: String

    /// An identity.
    public init(subject: String, level: String) {
        self.subject = subject
        self.level = level
    }
}
