public import CIICore

/// The highest completed education of a person (the report's 60 / 35 / 5 %).
public enum EducationLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// No vocational training.
    case none
    /// A secondary II title (apprenticeship, maturité).
    case secondaryII = "secondary2"
    /// A tertiary title.
    case tertiary

    /// The level in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .none: LocalizedText(fr: "Sans formation professionnelle", de: "Ohne Berufsbildung", en: "No vocational training")(language)
        case .secondaryII: LocalizedText(fr: "Secondaire II", de: "Sekundarstufe II", en: "Secondary II")(language)
        case .tertiary: LocalizedText(fr: "Tertiaire", de: "Tertiärstufe", en: "Tertiary")(language)
        }
    }
}
