/// The access rules of the registry, as pure functions: what an actor may read, write and do.
/// The service asks them before every operation; the HTTP layer may ask them too, to hide what
/// a role cannot use.
public enum RegistryAccess {
    /// The tabs a respondent works on.
    static let respondentTabs: Set<CaseTab> = [.person, .announcement, .situation, .collaborators, .documents, .logbook]

    /// The cases `actor` sees.
    public static func scope(of actor: RegistryActor) -> CaseScope {
        switch actor.role {
        case .bureau: .all
        case .coordinator(let region): .region(region)
        case .respondent: actor.collaboratorID.map(CaseScope.collaborator) ?? .none
        case .admin: .none
        }
    }

    /// Whether `actor` may read `tab` of a case in their scope. The history of a case shows each
    /// actor only the changes of tabs they may read.
    public static func canRead(_ tab: CaseTab, _ actor: RegistryActor) -> Bool {
        switch actor.role {
        case .bureau: true
        case .coordinator: tab != .gravity && tab != .medicalMandate
        case .respondent: respondentTabs.contains(tab) || tab == .history
        case .admin: false
        }
    }

    /// Whether `actor` may change `tab` of a case in their scope.
    public static func canWrite(_ tab: CaseTab, _ actor: RegistryActor) -> Bool {
        switch actor.role {
        case .bureau: tab != .history
        case .coordinator: tab == .decision || tab == .services
        case .respondent: respondentTabs.contains(tab)
        case .admin: false
        }
    }

    /// Whether `actor` may do `operation`.
    public static func allows(_ operation: RegistryOperation, _ actor: RegistryActor) -> Bool {
        switch (operation, actor.role) {
        case (.createCase, .respondent), (.createCase, .bureau): true
        case (.search, .respondent), (.search, .coordinator), (.search, .bureau): true
        case (.cancelCase, .bureau), (.readNotices, .bureau), (.readCancelled, .bureau), (.listPowersOfAttorney, .bureau), (.invoices, .bureau): true
        case (.importCases, .bureau): true
        case (.manageDirectory, .bureau), (.manageCodeLists, .bureau): true
        case (.personReport, .bureau), (.export, .bureau), (.manageTrainings, .bureau), (.annualReport, .bureau): true
        case (.manageDirectory, .admin), (.manageCodeLists, .admin), (.manageUsers, .admin): true
        default: false
        }
    }

    /// Whether `actor` sees `period` at all; a case they do not see answers "not found".
    /// A cancelled case has left every normal view: only the bureau still reads it, for the audit.
    public static func sees(_ period: CasePeriod, _ actor: RegistryActor) -> Bool {
        if period.cancellation != nil, !allows(.readCancelled, actor) { return false }
        return scope(of: actor).contains(period)
    }
}
