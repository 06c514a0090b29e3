/// What an account may do on its node.
public enum AccountRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Checks people, reads its alerts.
    case caseworker
    /// Also manages accounts and API tokens, and reads the alerts no caseworker was named for.
    case admin
}
