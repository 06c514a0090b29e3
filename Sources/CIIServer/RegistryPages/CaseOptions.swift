import CIICore
import CIIRegistry

/// The choices of the case forms' lists, in the page's language: the fixed codes of the domain,
/// the collaborator directory and the codification of documents.
struct CaseOptions: Sendable {
    let language: Language
    /// The collaborator directory.
    var directory: [Collaborator] = []
    /// The codification of documents.
    var documentCodes: [DocumentCode] = []

    typealias Options = [(value: String, label: String)]

    var regions: Options { Region.allCases.map { ($0.rawValue, $0.label(language)) } }
    var services: Options { ServiceType.allCases.map { ($0.rawValue, $0.label(language)) } }
    var dispositifs: Options { Dispositif.allCases.map { ($0.rawValue, "\($0.code(language)) · \($0.name(language))") } }
    var ageGroups: Options { AgeGroup.allCases.map { ($0.rawValue, $0.label(language)) } }
    var sexes: Options { Sex.allCases.map { ($0.rawValue, $0.label(language)) } }
    var languages: Options { [("fr", "Français"), ("de", "Deutsch"), ("en", "English")] }
    var educations: Options { EducationLevel.allCases.map { ($0.rawValue, $0.label(language)) } }
    var riskFactors: Options { RiskFactor.allCases.map { ($0.rawValue, $0.label(language)) } }
    var functions: Options { CIIFunction.allCases.map { ($0.rawValue, $0.label(language)) } }
    var requestTypes: Options { SMRRequestType.allCases.map { ($0.rawValue, $0.label(language)) } }
    var closingStatuses: Options { ClosingStatus.allCases.map { ($0.rawValue, $0.label(language)) } }
    var units: Options { DurationUnit.allCases.map { ($0.rawValue, $0.label(language)) } }

    /// The directory's entries: name, dispositif and region.
    var collaborators: Options {
        directory.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map {
            (String($0.id), "\($0.name) · \($0.dispositif.code(language)) · \($0.region.label(language))")
        }
    }

    /// The document codes with their label.
    var codes: Options {
        documentCodes.map { ($0.code, "\($0.code) · \(language == .de ? $0.labelDE : $0.labelFR)") }
    }

    /// The name of directory entry `id` (its number when the directory no longer has it).
    func collaboratorName(_ id: Int64) -> String { directory.first(where: { $0.id == id })?.name ?? "#\(id)" }
}
