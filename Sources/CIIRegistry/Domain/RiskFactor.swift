public import CIICore

/// The risk factors of the CII criteria grid, ticked by the caseworker on the situation tab.
///
/// The first one is the dimension "insertion professionnelle récente"; the others are the risk
/// factors the annual report names (health, addiction, illiteracy, finances, training, …).
/// ``GravityWeights`` gives each a weight.
public enum RiskFactor: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// No recent work on the first labour market.
    case noRecentEmployment = "no_recent_employment"
    /// Physical health.
    case physicalHealth = "physical_health"
    /// Mental health.
    case mentalHealth = "mental_health"
    /// Addiction.
    case addiction
    /// Illiteracy.
    case illiteracy
    /// Debts and finances.
    case finances
    /// No vocational training.
    case training
    /// Little command of the local language.
    case language
    /// Housing.
    case housing
    /// Family situation (care duties, separation).
    case family
    /// Social isolation.
    case socialIsolation = "social_isolation"
    /// Legal proceedings or sentences.
    case justice
    /// Residence status.
    case residenceStatus = "residence_status"

    /// Orders factors as the grid lists them.
    public static func < (lhs: RiskFactor, rhs: RiskFactor) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The factor in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .noRecentEmployment:
            LocalizedText(fr: "Pas d'insertion professionnelle récente", de: "Keine kürzliche Erwerbstätigkeit", en: "No recent employment")(language)
        case .physicalHealth: LocalizedText(fr: "Santé physique", de: "Körperliche Gesundheit", en: "Physical health")(language)
        case .mentalHealth: LocalizedText(fr: "Santé psychique", de: "Psychische Gesundheit", en: "Mental health")(language)
        case .addiction: LocalizedText(fr: "Dépendance", de: "Sucht", en: "Addiction")(language)
        case .illiteracy: LocalizedText(fr: "Illettrisme", de: "Illettrismus", en: "Illiteracy")(language)
        case .finances: LocalizedText(fr: "Finances, dettes", de: "Finanzen, Schulden", en: "Finances, debts")(language)
        case .training: LocalizedText(fr: "Formation", de: "Ausbildung", en: "Training")(language)
        case .language: LocalizedText(fr: "Langue", de: "Sprache", en: "Language")(language)
        case .housing: LocalizedText(fr: "Logement", de: "Wohnen", en: "Housing")(language)
        case .family: LocalizedText(fr: "Situation familiale", de: "Familiäre Situation", en: "Family situation")(language)
        case .socialIsolation: LocalizedText(fr: "Isolement social", de: "Soziale Isolation", en: "Social isolation")(language)
        case .justice: LocalizedText(fr: "Justice", de: "Justiz", en: "Justice")(language)
        case .residenceStatus: LocalizedText(fr: "Statut de séjour", de: "Aufenthaltsstatus", en: "Residence status")(language)
        }
    }
}
