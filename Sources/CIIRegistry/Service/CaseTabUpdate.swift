/// A change of one tab of a case: the tab's new content as a whole.
public enum CaseTabUpdate: Sendable, Hashable {
    /// The person's details (shared by all their case periods).
    case person(PersonDetails)
    /// Tab "Dispositifs annonceurs".
    case announcement(Announcement)
    /// Tab "Situation" (the gravity index is scored again).
    case situation(Situation)
    /// Tab "Collaborateurs".
    case collaborators(CaseCollaborators)
    /// Tab "Documents" (metadata).
    case documents([CaseDocument])
    /// Tab "Journal de bord".
    case logbook([LogbookEntry])
    /// Tab "Mandat médical".
    case medicalMandate([SMRRequest])
    /// Tab "Décision".
    case decision(Decision)
    /// Tab "Prestations".
    case services([CaseService])
    /// The bureau's review of the gravity index.
    case gravity(GravityDecision)

    /// The tab it changes.
    public var tab: CaseTab {
        switch self {
        case .person: .person
        case .announcement: .announcement
        case .situation: .situation
        case .collaborators: .collaborators
        case .documents: .documents
        case .logbook: .logbook
        case .medicalMandate: .medicalMandate
        case .decision: .decision
        case .services: .services
        case .gravity: .gravity
        }
    }
}
