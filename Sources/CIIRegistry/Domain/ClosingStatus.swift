public import CIICore

/// How a service ended.
public enum ClosingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Back on the labour market.
    case reintegrated
    /// Ended without reintegration.
    case notReintegrated = "not_reintegrated"
    /// The person dropped out.
    case droppedOut = "dropped_out"
    /// Any other end.
    case other

    /// The status in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .reintegrated: LocalizedText(fr: "Réinséré-e", de: "Wiedereingegliedert", en: "Reintegrated")(language)
        case .notReintegrated: LocalizedText(fr: "Non réinséré-e", de: "Nicht wiedereingegliedert", en: "Not reintegrated")(language)
        case .droppedOut: LocalizedText(fr: "Abandon", de: "Abbruch", en: "Dropped out")(language)
        case .other: LocalizedText(fr: "Autre", de: "Andere", en: "Other")(language)
        }
    }
}
