import CIICore
import CIIImport
import CIIRegistry
import CIIRegistryImport
import Foundation
import Testing

/// Importing case periods into a registry on a real SQLite file: people found again by AVS
/// number, duplicates skipped, dry runs, the rejects file, and refusals that change nothing.
struct CaseImporterTests {
    typealias F = CaseFileFixture

    struct Setup {
        let folder: String
        let service: RegistryService
        let input: String
        var importer: RegistryCaseImporter { RegistryCaseImporter(service: service, actor: F.bureau) }

        init(_ rows: [[String]]) throws {
            folder = try F.folder()
            service = try F.service(in: folder)
            input = "\(folder)/cas.csv"
            try Data(F.csv(F.frenchHeader, rows).utf8).write(to: URL(fileURLWithPath: input))
        }

        /// The case periods of the person with `avs`, oldest first.
        func periods(_ avs: AVSNumber) async throws -> [CasePeriod] {
            try await service.store.read { reader in
                guard let person = try await reader.person(avs: avs) else { return [] }
                var periods = [CasePeriod]()
                for id in try await reader.caseIDs(personID: person.id) { periods.append(try await reader.casePeriod(id: id)!) }
                return periods
            }
        }

        func history(_ id: Int64) async throws -> [HistoryEntry] { try await service.store.read { try await $0.history(caseID: id) } }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    @Test func validRowsBecomeCasePeriodsAndASecondImportSkipsThem() async throws {
        let setup = try Setup([
            F.row(F.avs(1), [17: "20.06.2025", 21: "01.06.2025", 22: "dropped_out"]),
            F.row(F.avs(1), announced: "01.05.2025", dispositif: "CMS", [10: "", 16: "", 19: "", 20: ""]),
            F.row(F.avs(2), [3: "not a date"]),
            F.row(F.avs(3), surname: "Zufferey"),
            F.row(F.avs(3), surname: "Zufferey"),
        ])
        defer { setup.remove() }
        let report = try await setup.importer.importFile(at: setup.input, dryRun: false, today: F.today)
        #expect(report.rowsRead == 5 && report.imported == 3 && report.newPeople == 2 && report.rejected == 1)
        #expect(report.duplicatesInFile == 1 && report.alreadyInRegistry == 0 && report.caseIDs == 1...3)
        #expect(report.rejectsFile == setup.input + ".rejects.csv")
        let rejects = try String(contentsOfFile: setup.input + ".rejects.csv", encoding: .utf8)
        #expect(rejects.contains("4;Date de naissance;invalid_date;") && rejects.contains("6;;case.duplicate_in_file;"), "\(rejects)")
        #expect(!F.holdsLongNumber(rejects))

        let first = try await setup.periods(F.avs(1))
        #expect(first.count == 2, "one person, two case periods")
        #expect(first[0].person.surname == "Müller" && first[0].personID == first[1].personID)
        #expect(first[0].status == .closed && first[0].decision.closedOn == Day(year: 2025, month: 6, day: 20))
        #expect(first[0].services.first?.closingStatus == .droppedOut && first[0].situation.riskFactors.count == 4)
        #expect(first[0].gravity?.computed == GravityScore(factors: first[0].situation.riskFactors, weights: .current).computed)
        #expect(first[1].announcement.dispositif == .cms && first[1].status == .open && first[1].services.isEmpty)
        #expect(try await setup.history(first[0].id).map(\.newValue) == ["\"imported\""])
        #expect(try await setup.periods(F.avs(2)).isEmpty)

        // The same file again: everything valid is already in; nothing is written twice.
        let again = try await setup.importer.importFile(at: setup.input, dryRun: false, today: F.today)
        #expect(again.imported == 0 && again.alreadyInRegistry == 3 && again.duplicatesInFile == 1 && again.rejected == 1 && again.caseIDs == nil)
        let skipped = try String(contentsOfFile: setup.input + ".rejects.csv", encoding: .utf8)
        #expect(skipped.contains("2;;case.already_in_registry;Already in the registry as case 1"), "\(skipped)")
        #expect(try await setup.periods(F.avs(1)).count == 2)
    }

    @Test func aKnownPersonGetsANewPeriodAndKeepsTheirDetails() async throws {
        let setup = try Setup([F.row(F.avs(4))])
        defer { setup.remove() }
        _ = try await setup.importer.importFile(at: setup.input, dryRun: false, today: F.today)
        try Data(F.csv(F.frenchHeader, [F.row(F.avs(4), surname: "Autre", announced: "02.03.2025")]).utf8).write(
            to: URL(fileURLWithPath: setup.input)
        )
        let report = try await setup.importer.importFile(at: setup.input, dryRun: false, today: F.today)
        #expect(report.imported == 1 && report.newPeople == 0 && report.rejectsFile == nil)
        #expect(!FileManager.default.fileExists(atPath: setup.input + ".rejects.csv"))
        let periods = try await setup.periods(F.avs(4))
        #expect(periods.map(\.person.surname) == ["Müller", "Müller"])
    }

    @Test func aDryRunWritesNothing() async throws {
        let setup = try Setup([F.row(F.avs(5)), F.row(F.avs(5), announced: "02.03.2025"), F.row(F.avs(6), [0: "756"])])
        defer { setup.remove() }
        let report = try await setup.importer.importFile(at: setup.input, dryRun: true, today: F.today)
        #expect(report.dryRun && report.imported == 2 && report.newPeople == 1 && report.rejected == 1 && report.caseIDs == nil)
        #expect(report.rejectsFile == nil && report.rejects.map(\.code) == ["invalid_avs"])
        #expect(!FileManager.default.fileExists(atPath: setup.input + ".rejects.csv"))
        #expect(try await setup.periods(F.avs(5)).isEmpty)
        #expect(report.summaryText.contains("would be imported") && report.summaryText.contains("Dry run"))
    }

    @Test func refusalsChangeNothing() async throws {
        let setup = try Setup([F.row(F.avs(7))])
        defer { setup.remove() }
        struct Full: Error {}
        let audit = await #expect(throws: RegistryImportError.self) {
            try await setup.importer.importFile(at: setup.input, dryRun: false, today: F.today) { _ in throw Full() }
        }
        #expect(audit?.code == .audit)
        let respondent = RegistryCaseImporter(service: setup.service, actor: RegistryActor(accountID: "r", role: .respondent, collaboratorID: 1))
        let forbidden = await #expect(throws: RegistryImportError.self) {
            try await respondent.importFile(at: setup.input, dryRun: false, today: F.today)
        }
        #expect(forbidden?.code == .registry)
        #expect(try await setup.periods(F.avs(7)).isEmpty)
    }
}
