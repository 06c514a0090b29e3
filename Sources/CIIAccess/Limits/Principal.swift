/// Who makes a request: a logged-in person or an integration's token.
public enum Principal: Sendable {
    /// A person, through a session.
    case session(Session)
    /// An integration, through an API token.
    case token(APIToken)

    /// The label used in the audit log and for rate limits.
    public var auditName: String {
        switch self {
        case .session(let session): session.account.auditName
        case .token(let token): token.auditName
        }
    }
}
