import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Foundation
import Testing

/// `ciid registry person-report`, `export` and `powers-of-attorney` on a coordinator seeded with
/// `ciid dev registry`, through the real binary.
@Suite(.serialized) struct RegistryReportCommandTests {
    static let bureau = RegistryActor(accountID: "test", role: .bureau)

    @Test func theBureauAnswersTheRightOfAccessExportsAndListsPowersOfAttorney() async throws {
        let federation = try FederationHarness(dispositifs: [])
        let coordinator = try federation.folder("cii-vs")
        try federation.ciid("dev", "registry", "--data-dir", coordinator, "--cases", "12", "--year", "2025")

        // In the registry itself: a person, one of their cases cancelled, a power of attorney that
        // expires in ten days on another case.
        let service = RegistryService(
            store: try SQLiteRegistryStore(path: coordinator + "/registry.sqlite", key: try RegistryKey.load(at: coordinator + "/keys/registry.key"))
        )
        let page = try await service.search(RegistrySearch(sort: .caseID, pageSize: 12), by: Self.bureau)
        #expect(page.total == 12)
        let first = try await service.readCase(page.items[0].caseID, by: Self.bureau)
        let avs = try #require(first.person?.avs)
        try await service.cancel(first.id, reason: "Doublon <b>test</b>", ifMatch: first.etag, by: Self.bureau)
        try await service.saveDocumentCode(
            DocumentCode(code: "PROC", labelFR: "Procuration CII", labelDE: "IIZ-Vollmacht", isPowerOfAttorney: true),
            by: Self.bureau
        )
        let open = try await service.search(RegistrySearch(status: .open, sort: .caseID, pageSize: 12), by: Self.bureau)
        let otherID = try #require(open.items.first { $0.caseID != first.id }?.caseID)
        let other = try await service.readCase(otherID, by: Self.bureau)
        let today = Day.today()
        let proxy = CaseDocument(
            designation: "Procuration CII signée",
            code: "PROC",
            vaultID: "d-test",
            size: 100,
            kind: "pdf",
            powerOfAttorney: PowerOfAttorney(start: today.adding(days: -20), duration: 30, unit: .days)
        )
        _ = try await service.update(other.id, .documents((other.documents ?? []) + [proxy]), ifMatch: other.etag, by: Self.bureau)

        // The number comes on standard input only.
        let help = try CIIDProcess.run(["registry", "person-report", "--help"], in: federation.folder)
        #expect(help.output.contains("standard input"))
        #expect(try CIIDProcess.run(["registry", "person-report", "--data-dir", coordinator, avs.formatted], in: federation.folder).status != 0)
        let none = try CIIDProcess.run(["registry", "person-report", "--data-dir", coordinator], in: federation.folder, input: "")
        #expect(none.status != 0 && none.error.contains("standard input"))

        let json = try CIIDProcess.run(
            ["registry", "person-report", "--data-dir", coordinator, "--format", "json"],
            in: federation.folder,
            input: "\(avs.formatted)\n"
        )
        #expect(json.status == 0, "\(json.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((report["person"] as? [String: Any])?["avs"] as? String == avs.formatted)
        let cases = try #require(report["cases"] as? [[String: Any]])
        #expect(cases.contains { $0["cancelled"] as? Bool == true && ($0["period"] as? [String: Any])?["id"] as? Int == Int(first.id) })
        #expect(cases.allSatisfy { ($0["period"] as? [String: Any])?["announcement"] != nil && ($0["history"] as? [Any])?.isEmpty == false })

        let html = federation.folder + "/report.html"
        let written = try CIIDProcess.run(
            ["registry", "person-report", "--data-dir", coordinator, "--language", "de", "--output", html],
            in: federation.folder,
            input: "\(avs.formatted)\n"
        )
        #expect(written.status == 0 && !written.output.contains(avs.formatted), "\(written.error)")
        #expect(try FileManager.default.attributesOfItem(atPath: html)[.posixPermissions] as? Int == 0o600)
        let page2 = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page2.contains("<html lang=\"de\">") && page2.contains("STORNIERT") && page2.contains("Doublon &lt;b&gt;test&lt;/b&gt;"))
        // The earlier report is in the log of who read the person's data.
        #expect(page2.contains("registry_read (person:") && page2.contains("what=person-report"))

        let unknown = try CIIDProcess.run(
            ["registry", "person-report", "--data-dir", coordinator],
            in: federation.folder,
            input: "\(AVSNumber(completing: 756_100_000_077).formatted)\n"
        )
        #expect(unknown.status == 3 && unknown.error.contains("no person with this AVS number") && unknown.output.isEmpty)

        // The export: the import's format, 0600, cancelled cases only when asked.
        let csv = federation.folder + "/cases.csv"
        #expect(try federation.ciid("registry", "export", "--data-dir", coordinator, "--output", csv).contains("wrote 11 case period(s)"))
        #expect(try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int == 0o600)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with a byte-order mark")
        let rows = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first?.hasPrefix("N° de cas;Statut;N° AVS;") == true && rows.count == 12)
        let everything = try federation.ciid("registry", "export", "--data-dir", coordinator, "--include-cancelled", "--language", "de")
        #expect(
            everything.trimmingCharacters(in: ["\u{FEFF}"]).hasPrefix("Fall-Nr.;")
                && everything.contains("\r\n\(first.id);cancelled;\(avs.formatted);")
        )

        // Powers of attorney: the case whose power expires in ten days.
        let listed = try federation.ciid("registry", "powers-of-attorney", "--data-dir", coordinator, "--format", "csv")
        #expect(listed.hasPrefix("case_id;surname;first_name;designation;expiry;status\r\n"))
        #expect(listed.contains("\(other.id);") && listed.contains(";Procuration CII signée;\(today.adding(days: 10).swiss);expires_soon"))
        #expect(try federation.ciid("registry", "powers-of-attorney", "--data-dir", coordinator, "--within-days", "5").contains("0 power(s)"))
        let asJSON = try federation.ciid("registry", "powers-of-attorney", "--data-dir", coordinator, "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(asJSON.utf8)) as? [[String: Any]])?.count == 1)

        // Every one audited, never with the AVS number.
        let day = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Europe/Zurich")!, formatOptions: [.withFullDate])
        let audit = try federation.ciid("audit", "export", "--data-dir", coordinator, "--from", day, "--to", day)
        #expect(audit.components(separatedBy: "what=person-report").count - 1 == 3, "\(audit)")
        #expect(audit.contains("not_found") && audit.contains("registry_export") && audit.contains("rows=11") && audit.contains("powers_of_attorney"))
        #expect(audit.contains("number=756.****.****."), "the number masked")
        #expect(!audit.contains(avs.formatted) && !audit.contains(String(avs.digitsValue)), "no AVS number in the audit log")
        #expect(try federation.ciid("audit", "verify", "--data-dir", coordinator).hasPrefix("OK: "))
    }
}
