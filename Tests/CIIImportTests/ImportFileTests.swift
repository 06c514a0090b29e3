import CIICore
import CIIImport
import CIIStore
import Foundation
import Testing

@Suite("Importing files into a node store")
final class ImportFileTests {
    let folder: String
    let store: NodeStore

    init() throws {
        folder = try Fixture.folder()
        store = try NodeStore(path: folder + "/node.sqlite")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func export(_ rows: [(AVSNumber, String, String)]) -> String {
        "N° AVS;Début du suivi;Dernier suivi;Nom\n" + rows.map { "\($0.0.formatted);\($0.1);\($0.2);Name" }.joined(separator: "\n") + "\n"
    }

    @Test("snapshot semantics: retractions, upserts, and nothing written for unchanged people")
    func snapshots() throws {
        let importer = Fixture.importer()
        let (p1, p2, p3, p4) = (Fixture.avs(1), Fixture.avs(2), Fixture.avs(3), Fixture.avs(4))
        let a = try Fixture.write(
            export([(p1, "01.01.2020", "01.01.2024"), (p2, "01.01.2021", ""), (p3, "01.01.2022", "01.03.2025")]),
            to: "a.csv",
            in: folder
        )
        let first = try importer.importFile(at: a, into: store, today: Fixture.today)
        #expect((first.accepted, first.upserted, first.retracted, first.unchanged) == (3, 3, 0, 0))
        #expect(first.rejectsFile == nil)
        #expect(try store.lastSequence() == 3)

        let again = try importer.importFile(at: a, into: store, today: Fixture.today)
        #expect((again.upserted, again.retracted, again.unchanged) == (0, 0, 3))
        #expect(try store.lastSequence() == 3)
        #expect(try store.changes(after: 3).isEmpty)

        let b = try Fixture.write(
            export([(p2, "01.01.2021", ""), (p3, "01.01.2022", "01.04.2025"), (p4, "01.01.2023", "")]),
            to: "b.csv",
            in: folder
        )
        let second = try importer.importFile(at: b, into: store, today: Fixture.today)
        #expect((second.upserted, second.retracted, second.unchanged) == (2, 1, 1))
        let changes = try store.changes(after: 3)
        #expect(changes.count == 3)
        let fingerprint = Fixture.fingerprinter.fingerprint
        #expect(changes.filter { $0.kind == .retract }.map(\.fingerprint) == [fingerprint(p1)])
        #expect(Set(changes.filter { $0.kind == .upsert }.map(\.fingerprint)) == [fingerprint(p3), fingerprint(p4)])
        #expect(changes.first { $0.fingerprint == fingerprint(p3) }?.lastOn == Fixture.day("01.04.2025"))
        #expect(Set(try store.ownFollowUps().map(\.fingerprint)) == [fingerprint(p2), fingerprint(p3), fingerprint(p4)])
        #expect(try store.ownCount() == 3)
    }

    @Test("the rejects file is written next to the input, and a stale one removed")
    func rejectsFile() throws {
        let importer = Fixture.importer()
        let rows =
            "N° AVS;Début du suivi;Dernier suivi\n\(Fixture.known.formatted);01.01.2020;\n756.9217.0769.84;01.01.2020;\n\(Fixture.avs(1).formatted);x;\n\(Fixture.avs(2).formatted);01.01.2020;\n\(Fixture.avs(3).formatted);01.01.2020;\n"
        let path = try Fixture.write(rows, to: "suivis.csv", in: folder)
        let report = try importer.importFile(at: path, into: store, today: Fixture.today)
        #expect(report.rejectsFile == path + ".rejects.csv")
        #expect((report.rowsRead, report.accepted, report.rejected) == (5, 3, 2))
        let text = try String(contentsOfFile: path + ".rejects.csv", encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "line;column;code;reason")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("3;N° AVS;avs.wrong_check_digit;"))
        #expect(lines[2].hasPrefix("4;Début du suivi;date.start_invalid;"))
        #expect(!Fixture.holdsLongNumber(text))
        #expect(report.summaryText.contains("suivis.csv.rejects.csv"))

        let clean = try Fixture.write("AVS;start;end\n\(Fixture.known.formatted);01.01.2020;\n", to: "suivis.csv", in: folder)
        let cleanReport = try importer.importFile(at: clean, into: store, today: Fixture.today)
        #expect(cleanReport.rejectsFile == nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".rejects.csv"))
    }

    @Test("an export without any valid row is refused unless allowed, and changes nothing")
    func empty() throws {
        let importer = Fixture.importer()
        let full = try Fixture.write(export([(Fixture.avs(1), "01.01.2020", ""), (Fixture.avs(2), "01.01.2020", "")]), to: "full.csv", in: folder)
        _ = try importer.importFile(at: full, into: store, today: Fixture.today)
        let before = (try store.lastSequence(), try store.ownFollowUps())

        let headerOnly = try Fixture.write("N° AVS;Début;Fin\n", to: "empty.csv", in: folder)
        let oldOnly = try Fixture.write(export([(Fixture.avs(1), "01.01.2010", "01.01.2011")]), to: "old.csv", in: folder)
        for path in [headerOnly, oldOnly] {
            let error = #expect(throws: ImportError.self) { try importer.importFile(at: path, into: store, today: Fixture.today) }
            #expect(error?.code == .empty)
            #expect(try store.lastSequence() == before.0)
            #expect(try store.ownFollowUps() == before.1)
        }

        let report = try importer.importFile(at: headerOnly, into: store, today: Fixture.today, allowEmpty: true)
        #expect((report.accepted, report.retracted) == (0, 2))
        #expect(try store.ownCount() == 0)
    }

    @Test("too many rejects: refused, nothing applied, the rejects file still written")
    func tooManyRejects() throws {
        let importer = Fixture.importer(maximumRejectedPercent: 10)
        var rows = (0..<10).map { (Fixture.avs($0), "01.01.2020", "") }
        rows[3].1 = "never"
        rows[7].1 = "never"
        let path = try Fixture.write(export(rows), to: "many.csv", in: folder)
        let error = #expect(throws: ImportError.self) { try importer.importFile(at: path, into: store, today: Fixture.today) }
        #expect(error?.code == .tooManyRejects)
        #expect(error?.rejectsFile == path + ".rejects.csv")
        #expect(error?.reason.contains("2 of 10") == true)
        #expect(error?.reason.contains("10 %") == true)
        #expect(error?.reason.contains("many.csv.rejects.csv") == true)
        #expect(FileManager.default.fileExists(atPath: path + ".rejects.csv"))
        #expect(try store.lastSequence() == 0)
        #expect(try store.ownCount() == 0)

        rows[7].1 = "01.01.2020"
        try Fixture.write(export(rows), to: "many.csv", in: folder)
        let report = try importer.importFile(at: path, into: store, today: Fixture.today)
        #expect((report.accepted, report.rejected, report.upserted) == (9, 1, 9))
    }

    @Test("header errors and unreadable files apply nothing")
    func fileErrors() throws {
        let importer = Fixture.importer()
        let missing = #expect(throws: ImportError.self) {
            try importer.importFile(at: folder + "/nope.csv", into: store, today: Fixture.today)
        }
        #expect(missing?.code == .cannotRead)
        let path = try Fixture.write("N° AVS;Nom\n\(Fixture.known.formatted);x\n", to: "bad.csv", in: folder)
        let error = #expect(throws: ImportError.self) { try importer.importFile(at: path, into: store, today: Fixture.today) }
        #expect(error?.code == .missingColumn)
        #expect(try store.lastSequence() == 0)
    }

    @Test("the report is Codable and its summary readable")
    func report() throws {
        let path = try Fixture.write(
            export([(Fixture.avs(1), "01.01.2020", "01.01.2030"), (Fixture.avs(1), "01.01.2019", "")]),
            to: "r.csv",
            in: folder
        )
        let report = try Fixture.importer().importFile(at: path, into: store, today: Fixture.today)
        #expect((report.duplicatesMerged, report.clampedToToday, report.encoding, report.delimiter) == (1, 1, "utf-8", ";"))
        let decoded = try JSONDecoder().decode(ImportReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
        #expect(report.summaryText.contains("Read 2 rows"))
        #expect(report.summaryText.contains("1 duplicate row merged"))
    }
}
