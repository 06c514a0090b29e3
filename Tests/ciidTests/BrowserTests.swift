import CIICore
import CIIStore
import Foundation
import Testing

/// A caseworker on a real federation, in headless Chromium over HTTPS: login with a code from a
/// real SMTP server, password change, checks in French and German, a bad number, the overlap
/// alerts, logout; then the audit log of all that verifies. Screenshots of each page are kept in
/// `.build/test-artifacts/browser/` (or `$CIID_ARTIFACTS`).
@Suite(.serialized) struct BrowserTests {
    static var artifacts: String {
        ProcessInfo.processInfo.environment["CIID_ARTIFACTS"] ?? MailSink.repository + "/.build/test-artifacts/browser"
    }

    @Test func aCaseworkerLogsInChecksAndReadsAlertsInChromium() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: `make test` installs chromium and chromium-driver")
        }
        let harness = try FederationHarness(dispositifs: [.orp, .cms])
        let sink = try MailSink(folder: harness.folder)
        defer { sink.stop() }
        try harness.appendToConfiguration(
            "orp-vs",
            "[mail]\nrelay = smtp://127.0.0.1:\(sink.port)\nsecurity = none\nfrom = ciid@orp.test"
        )
        try harness.startAll()
        let orp = try harness.folder("orp-vs")
        let added = try harness.ciid(
            "user",
            "add",
            "--data-dir",
            orp,
            "--email",
            "anne.muster@orp.test",
            "--name",
            "Anne Muster",
            "--caseworker",
            "c-1"
        )
        let oneTime = try #require(added.split(separator: "\n").first { $0.hasPrefix("one-time password: ") }?.dropFirst("one-time password: ".count))

        // ORP follows people 1…5 for caseworker c-1; CMS starts following 3 and 4: two overlap alerts for Anne.
        var orpExport = "N° AVS;Début du suivi;Dernier suivi;Collaborateur;N° dossier\n"
        for index in UInt64(1)...5 {
            orpExport += "\(FederationHarness.avs(index).formatted);01.01.2024;\(Day.today().adding(days: -5).swiss);c-1;D-2024-00\(index)\n"
        }
        try harness.importCSV("orp-vs", orpExport)
        try harness.importCSV("cms-vs", FederationHarness.csv(3...4, caseworker: "x-9"))
        let store = try harness.store("orp-vs")
        #expect(try harness.eventually(within: 30) { try store.overlapEvents().count >= 2 }, "ORP never recorded the overlaps")

        let screenshots = Self.artifacts
        try? FileManager.default.removeItem(atPath: screenshots)
        let script = try BrowserScript.run(
            "caseworker_flow.py",
            [
                "--url", try harness.url("orp-vs"),
                "--certificate", orp + "/tls/node.crt",
                "--maildir", sink.maildir,
                "--email", "anne.muster@orp.test",
                "--password", String(oneTime),
                "--new-password", "le Rhône coule vers Martigny",
                "--known", FederationHarness.avs(3).formatted,
                "--known-at", "CMS",
                "--unknown", FederationHarness.avs(50).formatted,
                "--bad", "756.9217.0769.84",
                "--alert-from", "CMS",
                "--alert-reference", "D-2024-004",
                "--alerts", "2",
                "--screenshots", screenshots,
                "--profile", harness.folder + "/chromium-profile",
            ],
            in: harness.folder,
            profile: harness.folder + "/chromium-profile",
            timeout: 240
        )
        let output = script.output
        #expect(script.status == 0, "\(output)\nnode log:\n\(harness.log("orp-vs").suffix(3000))")
        let shots = (try? FileManager.default.contentsOfDirectory(atPath: screenshots)) ?? []
        #expect(shots.filter { $0.hasSuffix(".png") }.count >= 9, "screenshots: \(shots)")

        // The login code arrived by real SMTP, in French.
        #expect(sink.messages().contains { $0.contains("Subject:") && $0.contains("anne.muster@orp.test") })
        // Every step is in the audit log, whose chain verifies; no AVS number is in it.
        #expect(harness.stop("orp-vs") == 0)
        let verified = try CIIDProcess.run(["audit", "verify", "--data-dir", orp], in: harness.folder)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        let today = Day.today().iso
        let exported = try CIIDProcess.run(["audit", "export", "--data-dir", orp, "--from", today, "--to", today], in: harness.folder)
        #expect(exported.status == 0, "\(exported.error)")
        for kind in ["account_created", "code_sent", "login", "password_changed", "check", "alert_read", "language_changed", "logout"] {
            #expect(exported.output.contains(";\(kind);"), "the audit log lacks \(kind)")
        }
        for person in [FederationHarness.avs(3), FederationHarness.avs(50)] {
            #expect(!exported.output.contains(person.formatted) && !exported.output.contains(person.formatted.filter(\.isNumber)))
        }
        #expect(!exported.output.contains(String(oneTime)))
    }
}
