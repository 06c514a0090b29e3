import CIIAccess
import CIIRegistry

extension RegistryActor {
    /// The registry actor of a coordinator account: nil for a role without registry access (a
    /// caseworker) or a regional coordinator without a region.
    init?(account: Account) {
        let role: RegistryRole
        switch account.role {
        case .respondent: role = .respondent
        case .coordinator:
            guard let region = account.region else { return nil }
            role = .coordinator(region)
        case .bureau: role = .bureau
        case .admin: role = .admin
        case .caseworker: return nil
        }
        self.init(accountID: account.auditName, role: role, collaboratorID: account.collaborator)
    }
}
