public import CIICore

/// The services ("prestations") of the complex CII.
public enum ServiceType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Table ronde: a pre-assessment by the professionals of several dispositifs.
    case tro = "TRO"
    /// Assessment with the person and a doctor of the SMR.
    case assessment = "ASSESSMENT"
    /// The joint ORP-CMS coaching (tandems, intensive coaching).
    case coachingORPCMS = "COACHING_ORP_CMS"
    /// CII jeunes.
    case ciiJeunes = "CII_JEUNES"
    /// Case management CII.
    case cmCII = "CM_CII"

    /// The service's name in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .tro: LocalizedText(fr: "Table ronde (TRO)", de: "Runder Tisch (TRO)", en: "Round table (TRO)")(language)
        case .assessment: LocalizedText(fr: "Assessment", de: "Assessment", en: "Assessment")(language)
        case .coachingORPCMS: LocalizedText(fr: "Coaching ORP-CMS", de: "Coaching RAV-SMZ", en: "ORP-CMS coaching")(language)
        case .ciiJeunes: LocalizedText(fr: "CII jeunes", de: "IIZ Jugendliche", en: "CII youth")(language)
        case .cmCII: LocalizedText(fr: "Case management CII", de: "Case Management IIZ", en: "CII case management")(language)
        }
    }
}
