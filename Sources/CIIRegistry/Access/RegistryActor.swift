/// Who asks: a registry account, its role, and its entry in the collaborator directory.
public struct RegistryActor: Sendable, Hashable {
    /// The account's id (what history and the audit log name).
    public var accountID: String
    /// The role.
    public var role: RegistryRole
    /// The account's directory entry (a respondent's scope is the cases naming it).
    public var collaboratorID: Int64?

    /// Creates an actor.
    public init(accountID: String, role: RegistryRole, collaboratorID: Int64? = nil) {
        self.accountID = accountID
        self.role = role
        self.collaboratorID = collaboratorID
    }
}
