import CIICore
import CIIImport
import CIIRegistry
import CIIRegistryImport
import CIIRegistrySQLite
import Foundation

/// Material of the registry import tests: a fixed today, synthetic AVS numbers, files in the
/// format of docs/registry-csv.md, and a registry on a real SQLite file.
enum CaseFileFixture {
    /// 30 June 2025.
    static let today = Day(year: 2025, month: 6, day: 30)!
    static let bureau = RegistryActor(accountID: "bureau-1", role: .bureau)

    /// The `index`-th synthetic AVS number.
    static func avs(_ index: Int) -> AVSNumber { AVSNumber(completing: 756_9999_0000_0 + UInt64(index)) }

    /// The French header of a file with one service group.
    static let frenchHeader = [
        "N° AVS", "Nom", "Prénom", "Date de naissance", "Sexe", "Langue", "Formation", "Région", "Prestation demandée",
        "Date annonce cas", "Date annonce au bureau", "Suivi depuis", "Type de cas", "Dispositif annonceur", "Situation",
        "Facteurs de risque", "Ouverture CII", "Clôture CII", "Dispositif en charge", "Prestation 1", "Prestation 1 début",
        "Prestation 1 fin", "Prestation 1 statut",
    ]

    /// The German header of the same columns.
    static let germanHeader = [
        "AHV-Nr.", "Name", "Vorname", "Geburtsdatum", "Geschlecht", "Sprache", "Ausbildung", "Region", "Beantragte Leistung",
        "Datum Fallmeldung", "Datum Meldung an Büro", "Betreut seit", "Fallart", "Meldende Stelle", "Situation", "Risikofaktoren",
        "Eröffnung IIZ", "Abschluss IIZ", "Zuständige Stelle", "Leistung 1", "Leistung 1 Beginn", "Leistung 1 Ende", "Leistung 1 Status",
    ]

    /// A valid row of the header's columns; `changes` replaces cells by column index.
    static func row(
        _ avs: AVSNumber,
        surname: String = "Müller",
        announced: String = "01.03.2025",
        dispositif: String = "ORP",
        _ changes: [Int: String] = [:]
    )
        -> [String]
    {
        var cells = [
            avs.formatted, surname, "Zoé", "02.05.1983", "F", "fr", "secondary2", "SIO", "TRO", announced, "10.03.2025", "01.01.2024",
            "adult", dispositif, "Situation familiale difficile", "no_recent_employment|finances|training|family", "15.03.2025", "",
            "ORP", "TRO", "20.03.2025", "", "",
        ]
        for (index, value) in changes { cells[index] = value }
        return cells
    }

    /// The CSV text of `header` and `rows`, fields quoted when needed.
    static func csv(_ header: [String], _ rows: [[String]], delimiter: String = ";", lineEnd: String = "\r\n") -> String {
        ([header] + rows).map { cells in
            cells.map { cell in
                cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: delimiter)
        }.joined(separator: lineEnd) + lineEnd
    }

    static func parse(_ text: String) throws -> RegistryCaseFile {
        try RegistryCaseFile(bytes: Array(text.utf8), today: today)
    }

    /// The rejects of `file` as the rejects file's text.
    static func rejectsText(_ file: RegistryCaseFile) -> String { RejectsFile.text(file.rejects(.en)) }

    /// A fresh folder under the temporary directory.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ciid-registry-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A registry service on a new SQLite file in `folder`, whose clock says noon of ``today``.
    static func service(in folder: String) throws -> RegistryService {
        let store = try SQLiteRegistryStore(path: "\(folder)/registry.sqlite", key: RegistryKey.generate())
        let noon = Date(timeIntervalSince1970: TimeInterval(today.daysSince1970) * 86_400 + 43_200)
        return RegistryService(store: store, now: { noon })
    }

    /// Tells whether `text` holds ten digits or more in a row once dots and spaces are removed,
    /// which no masked AVS number does.
    static func holdsLongNumber(_ text: String) -> Bool {
        var run = 0
        for character in text where character != "." && character != " " {
            run = character.isASCII && character.isNumber ? run + 1 : 0
            if run >= 10 { return true }
        }
        return false
    }
}
