public import CIICore

/// What the bureau held: a training or a regional day (annual report, chapter 2).
public enum TrainingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A training of the dispositifs' collaborators.
    case training
    /// A regional day ("journée régionale", "Regionaltag").
    case regionalDay = "regional_day"

    /// The kind in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .training: LocalizedText(fr: "Formation", de: "Schulung", en: "Training")(language)
        case .regionalDay: LocalizedText(fr: "Journée régionale", de: "Regionaltag", en: "Regional day")(language)
        }
    }
}
