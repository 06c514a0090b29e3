public import CIICore
import Foundation

/// Case periods as the registry's CSV (`docs/registry-csv.md`): one row per case period, `;`,
/// UTF-8 with a byte-order mark, CRLF, a header in French or German, dates `dd.mm.yyyy`, codes
/// as the API writes them, risk factors separated by `|`, services in numbered groups of four
/// columns (as many groups as the case with the most services has, at least one). It holds AVS
/// numbers in full: whoever writes it to a file makes it its owner's alone (0600).
public enum CaseExport {
    /// The byte-order mark the file starts with (so that a spreadsheet reads it as UTF-8).
    public static let byteOrderMark = "\u{FEFF}"

    /// The whole file.
    public static func csv(_ periods: [CasePeriod], language: Language) -> String {
        let groups = max(1, periods.map(\.services.count).max() ?? 0)
        let columns = CaseExportColumn.fixed + (1...groups).flatMap(CaseExportColumn.service)
        var text = byteOrderMark + line(columns.map { $0.name(language) })
        for period in periods { text += line(row(period, groups: groups)) }
        return text
    }

    /// The cells of one case period.
    static func row(_ period: CasePeriod, groups: Int) -> [String] {
        let person = period.person
        let announcement = period.announcement
        var cells = [
            String(period.id), period.status.rawValue, person.avs.formatted, person.surname, person.firstName, person.birthDate.swiss,
            person.sex.rawValue, person.language.rawValue, person.education.rawValue, announcement.region.rawValue,
            announcement.requestedService?.rawValue ?? "", announcement.announcedOn.swiss, announcement.announcedToBureauOn?.swiss ?? "",
            announcement.followedSince?.swiss ?? "", announcement.ageGroup.rawValue, announcement.dispositif.rawValue,
            period.situation.text, period.situation.riskFactors.map(\.rawValue).joined(separator: "|"),
            period.gravity?.effective.description ?? "", period.decision.openedOn?.swiss ?? "", period.decision.closedOn?.swiss ?? "",
            period.decision.dispositifInCharge?.rawValue ?? "",
        ]
        for index in 0..<groups {
            if index < period.services.count {
                let service = period.services[index]
                cells += [service.type.rawValue, service.start.swiss, service.end?.swiss ?? "", service.closingStatus?.rawValue ?? ""]
            } else {
                cells += ["", "", "", ""]
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
