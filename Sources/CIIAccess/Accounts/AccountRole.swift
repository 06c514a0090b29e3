public import CIICore

/// What an account may do on its node.
///
/// A dispositif node has caseworkers and admins; the coordinator, which holds the MX-CII registry,
/// has CII respondents, regional coordinators, the bureau CII and admins.
public enum AccountRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Checks people, reads its alerts (dispositif nodes).
    case caseworker
    /// Also manages accounts and API tokens, and reads the alerts no caseworker was named for.
    case admin
    /// A CII respondent (coordinator node): creates cases, works on the cases they announced or
    /// are involved in.
    case respondent
    /// A regional coordinator (coordinator node): every case of their region, decisions and services.
    case coordinator
    /// The bureau CII (coordinator node): every case and tab, the directory, lists and invoices.
    case bureau

    /// The roles an account may have on a node of `role`.
    public static func available(on role: NodeRole) -> [AccountRole] {
        switch role {
        case .dispositif: [.caseworker, .admin]
        case .coordinator: [.respondent, .coordinator, .bureau, .admin]
        }
    }
}
