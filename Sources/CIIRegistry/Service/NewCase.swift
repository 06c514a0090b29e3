/// What creating a case takes: the person (found again by AVS number when already known) and
/// the first tabs.
public struct NewCase: Sendable, Hashable {
    /// The person as typed.
    public var person: PersonDraft
    /// Tab "Dispositifs annonceurs".
    public var announcement: Announcement
    /// Tab "Situation", if already known.
    public var situation: Situation
    /// Tab "Collaborateurs"; a respondent who leaves out the announcing collaborator is it.
    public var collaborators: CaseCollaborators

    /// Creates the input.
    public init(
        person: PersonDraft,
        announcement: Announcement,
        situation: Situation = Situation(),
        collaborators: CaseCollaborators = CaseCollaborators()
    ) {
        self.person = person
        self.announcement = announcement
        self.situation = situation
        self.collaborators = collaborators
    }
}
