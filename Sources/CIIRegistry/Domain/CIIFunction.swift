public import CIICore

/// The function a collaborator holds in the CII ("Fonction CII").
public enum CIIFunction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The caseworker who announced the case.
    case announcer
    /// A CII respondent of a dispositif (the directory's respondents hold this function).
    case respondent
    /// The case manager of a CM CII.
    case caseManager = "case_manager"
    /// A regional coordinator.
    case coordinator
    /// The cantonal officer in charge of the CII (chargé-e cantonal-e).
    case cantonalOfficer = "cantonal_officer"
    /// The bureau's administration.
    case administration
    /// Any other partner involved.
    case partner

    /// The function in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .announcer: LocalizedText(fr: "Collaborateur annonceur", de: "Meldende Fachperson", en: "Announcing collaborator")(language)
        case .respondent: LocalizedText(fr: "Répondant CII", de: "IIZ-Ansprechperson", en: "CII respondent")(language)
        case .caseManager: LocalizedText(fr: "Gestionnaire de cas", de: "Fallführung", en: "Case manager")(language)
        case .coordinator: LocalizedText(fr: "Coordinateur régional", de: "Regionale Koordination", en: "Regional coordinator")(language)
        case .cantonalOfficer: LocalizedText(fr: "Chargé-e cantonal-e", de: "Kantonale Beauftragte", en: "Cantonal officer")(language)
        case .administration: LocalizedText(fr: "Administration", de: "Administration", en: "Administration")(language)
        case .partner: LocalizedText(fr: "Partenaire", de: "Partner", en: "Partner")(language)
        }
    }
}
