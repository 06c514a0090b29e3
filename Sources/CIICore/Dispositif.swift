/// The six institutions ("dispositifs") of the CII in Valais.
public enum Dispositif: String, Sendable, CaseIterable, Codable, Hashable {
    /// Offices régionaux de placement / RAV: unemployment insurance, job placement.
    case orp = "ORP"
    /// Centres médico-sociaux / SMZ: social assistance.
    case cms = "CMS"
    /// Office cantonal AI / IV-Stelle: disability insurance.
    case oai = "OAI"
    /// Orientation scolaire et professionnelle / BSL: career guidance.
    case osp = "OSP"
    /// Office de l'asile / Amt für Asylwesen, with its BIP.
    case oasi = "OASI"
    /// Plateforme Transition 1: young people between school and training.
    case t1 = "T1"

    /// Reads a code case-insensitively (`orp`, `ORP`).
    /// - Throws: ``DispositifError`` listing the known codes.
    public init(code: String) throws(DispositifError) {
        guard let value = Dispositif(rawValue: code.uppercased()) else { throw DispositifError(given: code) }
        self = value
    }

    /// The institution's name in `language`.
    public func name(_ language: Language) -> String {
        switch self {
        case .orp:
            LocalizedText(
                fr: "Offices régionaux de placement (ORP)",
                de: "Regionale Arbeitsvermittlungszentren (RAV)",
                en: "Regional employment offices (ORP)"
            )(language)
        case .cms:
            LocalizedText(fr: "Centres médico-sociaux (CMS)", de: "Sozialmedizinische Zentren (SMZ)", en: "Social and medical centres (CMS)")(
                language
            )
        case .oai: LocalizedText(fr: "Office cantonal AI", de: "Kantonale IV-Stelle", en: "Cantonal disability insurance office (OAI)")(language)
        case .osp:
            LocalizedText(
                fr: "Orientation scolaire et professionnelle",
                de: "Berufs-, Studien- und Laufbahnberatung (BSL)",
                en: "Career guidance office (OSP)"
            )(language)
        case .oasi: LocalizedText(fr: "Office de l'asile", de: "Amt für Asylwesen", en: "Asylum office (OASI)")(language)
        case .t1: LocalizedText(fr: "Plateforme Transition 1", de: "Plattform Übergang 1", en: "Transition 1 platform (T1)")(language)
        }
    }

    /// The short code people use in `language` (RAV and SMZ in German).
    public func code(_ language: Language) -> String {
        switch (self, language) {
        case (.orp, .de): "RAV"
        case (.cms, .de): "SMZ"
        case (.oai, .de): "IV"
        case (.osp, .de): "BSL"
        default: rawValue
        }
    }
}

/// A dispositif code that is not one of the six.
public struct DispositifError: Error, Sendable, CustomStringConvertible {
    /// What was given.
    public let given: String

    /// The reason and the accepted codes.
    public var description: String {
        "unknown dispositif '\(given)': use one of \(Dispositif.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
