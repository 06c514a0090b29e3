import CIICore
import CIIImport
import CIIStore
import Foundation
import Testing

@Suite("Speed")
struct PerformanceTests {
    /// Rows in the shape of a real export: six columns, Swiss dates, one in five ongoing, all inside the window.
    static func bigExport(rows: Int) -> [UInt8] {
        var text = "N° AVS;Nom;Prénom;Début du suivi;Dernier suivi;Conseiller\r\n"
        text.reserveCapacity(rows * 80)
        for index in 0..<rows {
            let start = Day(year: 2022, month: 7, day: 1)!.adding(days: index % 1000)
            let last = index % 5 == 0 ? "" : start.adding(days: 30).swiss
            text += "\(Fixture.avs(index).formatted);Nom\(index);Prénom;\(start.swiss);\(last);cw\(index % 40)\r\n"
        }
        return Array(text.utf8)
    }

    @Test("parsing and fingerprinting 100,000 rows, then importing them (times printed, not asserted)")
    func hundredThousand() throws {
        let bytes = Self.bigExport(rows: 100_000)
        let importer = Fixture.importer()
        let clock = ContinuousClock()
        var export: ParsedExport?
        let parse = try clock.measure { export = try importer.parse(bytes, today: Fixture.today) }
        #expect(export?.rowsRead == 100_000)
        #expect(export?.followUps.count == 100_000)
        #expect(export?.rejects.isEmpty == true)

        let folder = try Fixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try NodeStore(path: folder + "/node.sqlite")
        let path = folder + "/big.csv"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var report: ImportReport?
        let first = try clock.measure { report = try importer.importFile(at: path, into: store, today: Fixture.today) }
        #expect(report?.upserted == 100_000)
        let again = try clock.measure { report = try importer.importFile(at: path, into: store, today: Fixture.today) }
        #expect(report?.unchanged == 100_000)
        print("CIIImport 100k rows (\(bytes.count / 1024) KiB): parse+fingerprint \(parse), first import \(first), re-import \(again)")
    }
}
