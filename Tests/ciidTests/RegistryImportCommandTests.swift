import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Foundation
import Testing

/// `ciid registry import` on a real coordinator data folder: a dry run, the import, its rejects
/// file and audit entries, a second import that skips what is already in, and a bad file.
@Suite(.serialized) struct RegistryImportCommandTests {
    static let header =
        "N° AVS;Nom;Prénom;Date de naissance;Sexe;Langue;Formation;Région;Date annonce cas;Type de cas;Dispositif annonceur;"
        + "Situation;Facteurs de risque;Ouverture CII;Clôture CII;Prestation 1;Prestation 1 début;Prestation 1 fin;Prestation 1 statut"

    static func row(_ avs: String, _ surname: String, announced: String, dispositif: String = "ORP", closed: String = "") -> String {
        "\(avs);\(surname);Zoé;02.05.1983;F;fr;none;SIO;\(announced);adult;\(dispositif);\"Suivi, depuis \"\"2024\"\"\";mental_health|finances;"
            + "15.03.2025;\(closed);TRO;20.03.2025;;"
    }

    @Test func theBureauImportsCasePeriodsOnceAndTheRejectsNeverHoldAnAVSNumber() async throws {
        let federation = try FederationHarness(dispositifs: [])
        let coordinator = try federation.folder("cii-vs")
        let (first, second) = (FederationHarness.avs(1), FederationHarness.avs(2))
        let wrong = String(first.formatted.dropLast()) + (first.formatted.hasSuffix("0") ? "1" : "0")
        let input = federation.folder + "/cas.csv"
        let text = [
            Self.header,
            Self.row(first.formatted, "Müller", announced: "01.03.2025", closed: "30.06.2025"),
            Self.row(first.formatted, "Müller", announced: "01.05.2025", dispositif: "CMS"),
            Self.row(wrong, "Favre", announced: "01.03.2025"),
            Self.row(second.formatted, "Zufferey", announced: "12.04.2025"),
        ].joined(separator: "\r\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: input))
        let rejectsPath = input + ".rejects.csv"

        let dry = try federation.ciid("registry", "import", "--data-dir", coordinator, "--dry-run", input)
        #expect(dry.contains("3 case periods would be imported (2 new people, 1 for people already known), 1 rejected"), "\(dry)")
        #expect(dry.contains("4;N° AVS;invalid_avs;"), "a dry run shows the rejects: \(dry)")
        #expect(!FileManager.default.fileExists(atPath: rejectsPath), "a dry run writes no rejects file")
        #expect(try await Self.total(coordinator) == 0, "a dry run writes nothing")

        let done = try federation.ciid("registry", "import", "--data-dir", coordinator, input)
        #expect(done.contains("3 case periods imported (2 new people, 1 for people already known), 1 rejected"), "\(done)")
        #expect(done.contains("Cases 1 to 3 were created") && done.contains(rejectsPath), "\(done)")
        let rejects = try String(contentsOfFile: rejectsPath, encoding: .utf8)
        #expect(rejects.hasPrefix("line;column;code;reason\n4;N° AVS;invalid_avs;"), "\(rejects)")
        for output in [dry, done, rejects] {
            #expect(!output.contains(wrong) && !output.contains(first.formatted) && !Self.holdsLongNumber(output), "never an AVS number: \(output)")
        }

        let service = try Self.service(coordinator)
        let bureau = RegistryActor(accountID: "test", role: .bureau)
        let periods = try await service.search(RegistrySearch(avs: first, sort: .announcedOn), by: bureau)
        #expect(periods.total == 2)
        let closed = try await service.readCase(try #require(periods.items.first).caseID, by: bureau)
        #expect(closed.status == .closed && closed.situation?.text == "Suivi, depuis \"2024\"" && closed.services?.map(\.type) == [.tro])
        #expect(try await Self.total(coordinator) == 3)

        // Again: what is in is skipped, and said so in the rejects file.
        let again = try federation.ciid("registry", "import", "--data-dir", coordinator, input)
        #expect(again.contains("0 case periods imported") && again.contains("Skipped: 3 already in the registry"), "\(again)")
        #expect(try String(contentsOfFile: rejectsPath, encoding: .utf8).components(separatedBy: "case.already_in_registry").count == 4)
        #expect(try await Self.total(coordinator) == 3)

        // A file with an unknown column changes nothing and says where.
        try Data((Self.header + ";Remarque\r\n" + Self.row(FederationHarness.avs(3).formatted, "Roh", announced: "01.02.2025") + ";x").utf8)
            .write(to: URL(fileURLWithPath: input))
        let refused = try federation.ciidFailing("registry", "import", "--data-dir", coordinator, input)
        #expect(refused.contains("Line 1: column 20 \"Remarque\""), "\(refused)")
        #expect(try await Self.total(coordinator) == 3)

        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Europe/Zurich")!, formatOptions: [.withFullDate])
        let audit = try federation.ciid("audit", "export", "--data-dir", coordinator, "--from", today, "--to", today)
        let imports = audit.split(separator: "\n").filter { $0.contains("registry_change") && $0.contains("cas.csv") }
        #expect(imports.contains { $0.contains("requested") } && imports.contains { $0.contains("imported") && $0.contains("1-3") }, "\(imports)")
        #expect(imports.contains { $0.contains("refused") && $0.contains("unknownColumn") }, "\(imports)")
        #expect(audit.contains("import_dry_run"), "the dry run is audited as a read")
        #expect(!audit.contains("756."), "no AVS number in the audit log")
        #expect(try federation.ciid("audit", "verify", "--data-dir", coordinator).hasPrefix("OK: "))
    }

    /// The coordinator's registry, opened in-process with its key.
    static func service(_ folder: String) throws -> RegistryService {
        let key = try RegistryKey.load(at: folder + "/keys/registry.key")
        return RegistryService(store: try SQLiteRegistryStore(path: folder + "/registry.sqlite", key: key))
    }

    /// The number of case periods (open and closed).
    static func total(_ folder: String) async throws -> Int {
        guard FileManager.default.fileExists(atPath: folder + "/keys/registry.key") else { return 0 }
        return try await service(folder).search(RegistrySearch(pageSize: 50), by: RegistryActor(accountID: "test", role: .bureau)).total
    }

    static func holdsLongNumber(_ text: String) -> Bool {
        var run = 0
        for character in text where character != "." && character != " " {
            run = character.isASCII && character.isNumber ? run + 1 : 0
            if run >= 10 { return true }
        }
        return false
    }
}
