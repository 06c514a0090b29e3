import CIIAccess
import CIICore

/// Which registry accounts the users page lets a bureau member or an admin manage. The admin
/// manages every account (and keeps `/admin` for new passwords and API tokens); the bureau
/// manages only the accounts of the people it works with, the CII respondents and the regional
/// coordinators: it creates them, disables them and renews them, but it never makes or changes a
/// bureau or admin account, so that it cannot give itself or anyone more rights.
enum BureauUserRules {
    /// The roles `actor` may give a new account.
    static func grantable(by actor: AccountRole) -> [AccountRole] {
        switch actor {
        case .admin: AccountRole.available(on: .coordinator)
        case .bureau: [.respondent, .coordinator]
        case .caseworker, .respondent, .coordinator: []
        }
    }

    /// Whether `actor` may disable or renew `target` (never their own account).
    static func mayManage(_ target: Account, by actor: Account) -> Bool {
        target.id != actor.id && grantable(by: actor.role).contains(target.role)
    }
}
