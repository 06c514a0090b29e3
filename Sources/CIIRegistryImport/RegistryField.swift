/// A column of the registry's CSV format that appears once per row (`docs/registry-csv.md`).
/// The raw value is the column's technical key.
public enum RegistryField: String, Sendable, Hashable, CaseIterable {
    /// The AVS number.
    case avs
    /// Surname.
    case surname
    /// First name.
    case firstName = "first_name"
    /// Date of birth.
    case birthDate = "birth_date"
    /// Sex.
    case sex
    /// Language.
    case language
    /// Education.
    case education
    /// The announcement's region.
    case region
    /// The service the announcing dispositif asks for.
    case requestedService = "requested_service"
    /// The day the case was announced.
    case announcedOn = "announced_on"
    /// The day it went to the bureau.
    case announcedToBureauOn = "announced_to_bureau_on"
    /// Since when the announcing dispositif follows the person.
    case followedSince = "followed_since"
    /// Adult or youth.
    case ageGroup = "age_group"
    /// The announcing dispositif.
    case dispositif
    /// The situation's text.
    case situation
    /// The risk factors, codes separated by `|`.
    case riskFactors = "risk_factors"
    /// The day the CII opened the case.
    case openedOn = "opened_on"
    /// The day it closed it.
    case closedOn = "closed_on"
    /// The dispositif in charge.
    case dispositifInCharge = "dispositif_in_charge"
    /// The case's number (written by the export, ignored by the import).
    case caseID = "case_id"
    /// Open, closed or cancelled (written by the export; a cancelled row is not imported).
    case status
    /// The gravity index (written by the export, ignored by the import).
    case gravityIndex = "gravity_index"

    /// The header the French export writes.
    public var french: String {
        switch self {
        case .avs: "N° AVS"
        case .surname: "Nom"
        case .firstName: "Prénom"
        case .birthDate: "Date de naissance"
        case .sex: "Sexe"
        case .language: "Langue"
        case .education: "Formation"
        case .region: "Région"
        case .requestedService: "Prestation demandée"
        case .announcedOn: "Date annonce cas"
        case .announcedToBureauOn: "Date annonce au bureau"
        case .followedSince: "Suivi depuis"
        case .ageGroup: "Type de cas"
        case .dispositif: "Dispositif annonceur"
        case .situation: "Situation"
        case .riskFactors: "Facteurs de risque"
        case .openedOn: "Ouverture CII"
        case .closedOn: "Clôture CII"
        case .dispositifInCharge: "Dispositif en charge"
        case .caseID: "N° de cas"
        case .status: "Statut"
        case .gravityIndex: "Indice de gravité"
        }
    }

    /// The header the German export writes.
    public var german: String {
        switch self {
        case .avs: "AHV-Nr."
        case .surname: "Name"
        case .firstName: "Vorname"
        case .birthDate: "Geburtsdatum"
        case .sex: "Geschlecht"
        case .language: "Sprache"
        case .education: "Ausbildung"
        case .region: "Region"
        case .requestedService: "Beantragte Leistung"
        case .announcedOn: "Datum Fallmeldung"
        case .announcedToBureauOn: "Datum Meldung an Büro"
        case .followedSince: "Betreut seit"
        case .ageGroup: "Fallart"
        case .dispositif: "Meldende Stelle"
        case .situation: "Situation"
        case .riskFactors: "Risikofaktoren"
        case .openedOn: "Eröffnung IIZ"
        case .closedOn: "Abschluss IIZ"
        case .dispositifInCharge: "Zuständige Stelle"
        case .caseID: "Fall-Nr."
        case .status: "Status"
        case .gravityIndex: "Schweregrad"
        }
    }

    /// Whether the header must name the column and every row fill it.
    public var isRequired: Bool {
        switch self {
        case .avs, .surname, .firstName, .birthDate, .sex, .language, .education, .region, .announcedOn, .ageGroup, .dispositif: true
        default: false
        }
    }

    /// Whether the export writes it and the import ignores it.
    public var isExportOnly: Bool { self == .caseID || self == .status || self == .gravityIndex }

    /// The path of the registry's validation problems about it (`person.birthDate`).
    var path: String? {
        switch self {
        case .avs: "person.avs"
        case .surname: "person.surname"
        case .firstName: "person.firstName"
        case .birthDate: "person.birthDate"
        case .sex: "person.sex"
        case .language: "person.language"
        case .education: "person.education"
        case .region: "announcement.region"
        case .requestedService: "announcement.requestedService"
        case .announcedOn: "announcement.announcedOn"
        case .announcedToBureauOn: "announcement.announcedToBureauOn"
        case .followedSince: "announcement.followedSince"
        case .ageGroup: "announcement.ageGroup"
        case .dispositif: "announcement.dispositif"
        case .situation: "situation.text"
        case .riskFactors: "situation.riskFactors"
        case .openedOn: "decision.openedOn"
        case .closedOn: "decision.closedOn"
        case .dispositifInCharge: "decision.dispositifInCharge"
        case .caseID, .status, .gravityIndex: nil
        }
    }
}
