public import CIICore

/// A person's sex as the registry records it (the annual report counts men and women).
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    /// Female.
    case female = "F"
    /// Male.
    case male = "M"

    /// The word in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .female: LocalizedText(fr: "Femme", de: "Frau", en: "Female")(language)
        case .male: LocalizedText(fr: "Homme", de: "Mann", en: "Male")(language)
        }
    }
}
