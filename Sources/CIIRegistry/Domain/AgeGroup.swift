public import CIICore

/// The type of case of the announcement tab: an adult's situation or a young person's.
public enum AgeGroup: String, Sendable, Hashable, Codable, CaseIterable {
    /// An adult's situation.
    case adult
    /// A young person's situation (CII jeunes).
    case youth

    /// The word in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .adult: LocalizedText(fr: "Adulte", de: "Erwachsene", en: "Adult")(language)
        case .youth: LocalizedText(fr: "Jeune", de: "Jugendliche", en: "Youth")(language)
        }
    }
}
