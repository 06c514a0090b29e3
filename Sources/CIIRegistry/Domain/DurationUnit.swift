public import CIICore

/// The unit of a power of attorney's duration ("Unit" in MX-CII).
public enum DurationUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Calendar days.
    case days
    /// Calendar months (a month end stays within its month: 31 January + 1 month = 28/29 February).
    case months
    /// Calendar years (29 February + 1 year = 28 February).
    case years

    /// The unit in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .days: LocalizedText(fr: "jours", de: "Tage", en: "days")(language)
        case .months: LocalizedText(fr: "mois", de: "Monate", en: "months")(language)
        case .years: LocalizedText(fr: "années", de: "Jahre", en: "years")(language)
        }
    }
}
