import CIICore
import CIIRegistry

/// The code tables of the registry's CSV format (`docs/registry-csv.md`).
enum CellCodes {
    static let sex = CodeTable(
        Sex.self,
        label: { $0.label($1) },
        extra: [.female: ["femme", "Frau", "weiblich", "W"], .male: ["homme", "Mann", "männlich", "H"]]
    )
    static let language = CodeTable(
        [Language.fr, .de],
        code: \.rawValue,
        labels: { $0 == .fr ? ["français", "Französisch", "French"] : ["allemand", "Deutsch", "German"] }
    )
    static let education = CodeTable(
        EducationLevel.self,
        label: { $0.label($1) },
        extra: [
            .none: ["sans", "aucune", "ohne", "keine"], .secondaryII: ["secondaire 2", "Sekundarstufe 2"], .tertiary: ["tertiaire", "tertiär"],
        ]
    )
    static let region = CodeTable(Region.self, label: { $0.label($1) })
    static let dispositif = CodeTable(Array(Dispositif.allCases), code: \.rawValue, labels: { [$0.code(.de)] })
    static let service = CodeTable(ServiceType.self, label: { $0.label($1) })
    static let ageGroup = CodeTable(AgeGroup.self, label: { $0.label($1) })
    static let closingStatus = CodeTable(
        ClosingStatus.self,
        label: { $0.label($1) },
        extra: [.reintegrated: ["réinséré"], .notReintegrated: ["non réinséré"]]
    )
    static let riskFactor = CodeTable(RiskFactor.self, label: { $0.label($1) })
    static let status = CodeTable(CaseStatus.self, label: { $0.label($1) })
}
