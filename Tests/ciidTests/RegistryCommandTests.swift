import Foundation
import Testing

/// `ciid registry …` on a coordinator: the directory, the document codes and the retention sweep,
/// through the real binary.
@Suite(.serialized) struct RegistryCommandTests {
    @Test func theBureauKeepsItsListsAndTheSweepDeletesWhatIsDue() throws {
        let federation = try FederationHarness(dispositifs: [])
        let coordinator = try federation.folder("cii-vs")
        let saved = try federation.ciid(
            "registry",
            "directory",
            "save",
            "--data-dir",
            coordinator,
            "--name",
            "Alice Favre",
            "--dispositif",
            "orp",
            "--region",
            "Sion",
            "--phone",
            "027 606 00 01",
            "--email",
            "alice@orp.example"
        )
        #expect(saved.contains("directory entry 1 saved: Alice Favre (respondent, ORP, SIO)"))
        let refused = try federation.ciidFailing(
            "registry",
            "directory",
            "save",
            "--data-dir",
            coordinator,
            "--name",
            "",
            "--dispositif",
            "ORP",
            "--region",
            "SIO",
            "--email",
            "nobody"
        )
        #expect(refused.contains("name") && refused.contains("email"), "every problem is named: \(refused)")
        #expect(try federation.ciid("registry", "directory", "list", "--data-dir", coordinator).contains("alice@orp.example"))
        _ = try federation.ciid(
            "registry",
            "codes",
            "save",
            "--data-dir",
            coordinator,
            "--code",
            "PROC",
            "--fr",
            "Procuration CII",
            "--de",
            "IIZ-Vollmacht",
            "--power-of-attorney"
        )
        #expect(
            try federation.ciid("registry", "codes", "list", "--data-dir", coordinator).contains(
                "PROC\tProcuration CII\tIIZ-Vollmacht\tpower of attorney"
            )
        )

        // Cases of last year, some closed; with a retention of one year the closed ones ended before
        // this day a year ago are due.
        let year = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        try federation.ciid("dev", "registry", "--data-dir", coordinator, "--cases", "60", "--year", String(year))
        try federation.configure("cii-vs", "retention_years", 1)
        let dry = try federation.ciid("registry", "retention", "--data-dir", coordinator, "--dry-run")
        let due = try #require(dry.split(separator: "\n").last.flatMap { Int($0.split(separator: " ")[0]) })
        #expect(due > 0, "\(dry)")
        let done = try federation.ciid("registry", "retention", "--data-dir", coordinator)
        #expect(done.contains("deleted the personal data of \(due) case(s)"))
        #expect(try federation.ciid("registry", "retention", "--data-dir", coordinator, "--dry-run").contains("0 case(s)"))
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Europe/Zurich")!, formatOptions: [.withFullDate])
        let audit = try federation.ciid("audit", "export", "--data-dir", coordinator, "--from", today, "--to", today)
        #expect(audit.components(separatedBy: "registry_retention").count - 1 == due)
        #expect(
            audit.contains("save_document_code") && audit.contains("add_collaborator") && audit.contains("dev_registry"),
            "CLI changes are audited"
        )
        #expect(!audit.contains("756."), "no AVS number in the audit log")
        #expect(try federation.ciid("audit", "verify", "--data-dir", coordinator).hasPrefix("OK: "))
    }
}
