public import CIICore
public import CIIRegistry
import Foundation

/// Case periods as the registry's CSV (`docs/registry-csv.md`), the format the import reads: one
/// row per case period, `;`, UTF-8 with a byte-order mark, CRLF, a header in French or German
/// (the names of ``RegistryField`` and ``ServiceField``, declared once for both directions), dates
/// `dd.mm.yyyy`, codes as the API writes them, risk factors separated by `|`, services in numbered
/// groups of four columns (as many groups as the case with the most services has, at least one).
/// It holds AVS numbers in full: whoever writes it to a file makes it its owner's alone (0600).
public enum CaseExport {
    /// The byte-order mark the file starts with (so that a spreadsheet reads it as UTF-8).
    public static let byteOrderMark = "\u{FEFF}"

    /// The columns before the services, in the export's order.
    public static let fields: [RegistryField] = [
        .caseID, .status, .avs, .surname, .firstName, .birthDate, .sex, .language, .education, .region, .requestedService,
        .announcedOn, .announcedToBureauOn, .followedSince, .ageGroup, .dispositif, .situation, .riskFactors, .gravityIndex,
        .openedOn, .closedOn, .dispositifInCharge,
    ]

    /// The whole file.
    public static func csv(_ periods: [CasePeriod], language: Language) -> String {
        let groups = max(1, periods.map(\.services.count).max() ?? 0)
        let german = language == .de
        let header =
            fields.map { german ? $0.german : $0.french }
            + (1...groups).flatMap { n in ServiceField.allCases.map { german ? $0.german(n) : $0.french(n) } }
        var text = byteOrderMark + line(header)
        for period in periods { text += line(row(period, groups: groups)) }
        return text
    }

    /// The cells of one case period, in the order of ``fields`` then the service groups.
    static func row(_ period: CasePeriod, groups: Int) -> [String] {
        let person = period.person
        let announcement = period.announcement
        var cells = fields.map { field -> String in
            switch field {
            case .caseID: String(period.id)
            case .status: period.status.rawValue
            case .avs: person.avs.formatted
            case .surname: person.surname
            case .firstName: person.firstName
            case .birthDate: person.birthDate.swiss
            case .sex: person.sex.rawValue
            case .language: person.language.rawValue
            case .education: person.education.rawValue
            case .region: announcement.region.rawValue
            case .requestedService: announcement.requestedService?.rawValue ?? ""
            case .announcedOn: announcement.announcedOn.swiss
            case .announcedToBureauOn: announcement.announcedToBureauOn?.swiss ?? ""
            case .followedSince: announcement.followedSince?.swiss ?? ""
            case .ageGroup: announcement.ageGroup.rawValue
            case .dispositif: announcement.dispositif.rawValue
            case .situation: period.situation.text
            case .riskFactors: period.situation.riskFactors.map(\.rawValue).joined(separator: "|")
            case .gravityIndex: period.gravity?.effective.description ?? ""
            case .openedOn: period.decision.openedOn?.swiss ?? ""
            case .closedOn: period.decision.closedOn?.swiss ?? ""
            case .dispositifInCharge: period.decision.dispositifInCharge?.rawValue ?? ""
            }
        }
        for index in 0..<groups {
            guard index < period.services.count else {
                cells += ServiceField.allCases.map { _ in "" }
                continue
            }
            let service = period.services[index]
            cells += ServiceField.allCases.map { field in
                switch field {
                case .type: service.type.rawValue
                case .start: service.start.swiss
                case .end: service.end?.swiss ?? ""
                case .status: service.closingStatus?.rawValue ?? ""
                }
            }
        }
        return cells
    }

    /// One CSV line: a cell holding `;`, a quote or a line break quoted, its quotes doubled.
    public static func line(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ";") + "\r\n"
    }
}
