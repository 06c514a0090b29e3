/// The tab "Collaborateurs": the announcing collaborator, and everyone involved.
public struct CaseCollaborators: Sendable, Hashable, Codable {
    /// The collaborator who announced the case.
    public var announcing: CaseCollaborator?
    /// The CII collaborators involved, with the bureau's people in charge.
    public var involved: [CaseCollaborator]

    /// Creates the tab.
    public init(announcing: CaseCollaborator? = nil, involved: [CaseCollaborator] = []) {
        self.announcing = announcing
        self.involved = involved
    }

    /// Every directory entry named in the tab.
    public var collaboratorIDs: Set<Int64> {
        Set(involved.map(\.collaboratorID) + (announcing.map { [$0.collaboratorID] } ?? []))
    }
}
