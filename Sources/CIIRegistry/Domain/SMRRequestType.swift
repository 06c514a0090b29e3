public import CIICore

/// The kinds of request the bureau makes to the SMR (Service médical régional) under a medical mandate.
public enum SMRRequestType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A review of the medical file.
    case fileReview = "file_review"
    /// A consultation with the person.
    case consultation
    /// A participation in an assessment.
    case assessment
    /// A medical expertise.
    case expertise
    /// Anything else.
    case other

    /// The type in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .fileReview: LocalizedText(fr: "Examen du dossier", de: "Aktenprüfung", en: "File review")(language)
        case .consultation: LocalizedText(fr: "Consultation", de: "Konsultation", en: "Consultation")(language)
        case .assessment: LocalizedText(fr: "Assessment", de: "Assessment", en: "Assessment")(language)
        case .expertise: LocalizedText(fr: "Expertise", de: "Gutachten", en: "Expertise")(language)
        case .other: LocalizedText(fr: "Autre", de: "Andere", en: "Other")(language)
        }
    }
}
