import CIIAccess
import CIIRegistry

/// The tabs of a case page, in the order of the MX-CII manual (then the person and, for the
/// bureau, the gravity index), by the name of their route: the same names and the same roles
/// as the API's `PUT /cases/{id}/{tab}` (``RegistryController/tabs``).
enum CasePageTab: String, CaseIterable, Sendable {
    case announcement
    case situation
    case collaborators
    case documents
    case logbook
    case medicalMandate = "medical-mandate"
    case decision
    case services
    case person
    case gravity

    /// The registry's tab.
    var caseTab: CaseTab {
        switch self {
        case .announcement: .announcement
        case .situation: .situation
        case .collaborators: .collaborators
        case .documents: .documents
        case .logbook: .logbook
        case .medicalMandate: .medicalMandate
        case .decision: .decision
        case .services: .services
        case .person: .person
        case .gravity: .gravity
        }
    }

    /// The roles that may change the tab: the API's table.
    var editors: Set<AccountRole> { RegistryController.tabs.first(where: { $0.name == rawValue })?.roles ?? [] }

    /// The key of the tab's name in ``PageText``.
    var textKey: String { "tab_\(rawValue)" }

    /// The prefix of the tab's lines (`services` for `services[0].type`), for the tabs made of lines.
    var rowPrefix: String? {
        switch self {
        case .collaborators: "collaborators.involved"
        case .documents: "documents"
        case .logbook: "logbook"
        case .medicalMandate: "medicalMandate"
        case .services: "services"
        default: nil
        }
    }

    /// Whether an edit form offers an empty line to add one (documents come by upload instead).
    var addsRows: Bool { rowPrefix != nil && self != .documents }

    /// Whether `view` holds the tab (the service leaves out what the reader's role may not read).
    func isReadable(in view: CaseView) -> Bool {
        switch self {
        case .announcement: view.announcement != nil
        case .situation: view.situation != nil
        case .collaborators: view.collaborators != nil
        case .documents: view.documents != nil
        case .logbook: view.logbook != nil
        case .medicalMandate: view.medicalMandate != nil
        case .decision: view.decision != nil
        case .services: view.services != nil
        case .person: view.person != nil
        // A case without a score yet still shows the tab to the bureau (who alone reads the medical mandate).
        case .gravity: view.gravity != nil || view.medicalMandate != nil
        }
    }
}
