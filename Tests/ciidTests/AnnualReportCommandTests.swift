import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Foundation
import Testing

/// `ciid report annual` on a coordinator seeded with `ciid dev registry`, through the real binary:
/// the three formats, both languages, last year's snapshot taken by the command, errors, audit.
@Suite(.serialized) struct AnnualReportCommandTests {
    @Test func theCoordinatorWritesTheAnnualReport() async throws {
        let federation = try FederationHarness(dispositifs: [])
        let coordinator = try federation.folder("cii-vs")
        let today = Day.today()
        let year = today.components.year - 1
        try federation.ciid("dev", "registry", "--data-dir", coordinator, "--cases", "12", "--year", String(year))

        // JSON: last year's figures, kept as a snapshot by this very run.
        let json = try federation.ciid("report", "annual", "--data-dir", coordinator, "--year", String(year), "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["year"] as? Int == year && object["snapshotTakenOn"] as? String == today.iso)
        let figures = try #require(object["figures"] as? [String: Any])
        let situations = try #require(figures["situations"] as? [String: Int])
        #expect(situations["total"] == 12 && situations["adults"]! + situations["youth"]! == 12)
        let tables = try #require(figures["tables"] as? [[String: Any]])
        let adultTotal = try #require((tables.first?["total"] as? [String: Any])?["total"] as? Int)
        #expect(adultTotal == situations["adults"])
        // The registry holds the snapshot now.
        let store = try SQLiteRegistryStore(path: coordinator + "/registry.sqlite", key: try RegistryKey.load(at: coordinator + "/keys/registry.key"))
        #expect(try await store.read { try await $0.annualSnapshot(year: year) }?.takenOn == today)

        // CSV in German to a file, HTML in French on standard output.
        let csv = federation.folder + "/report.csv"
        let written = try federation.ciid(
            "report",
            "annual",
            "--data-dir",
            coordinator,
            "--year",
            String(year),
            "--format",
            "csv",
            "--language",
            "de",
            "--output",
            csv
        )
        #expect(written.contains("wrote the annual report \(year) (csv)"))
        #expect(try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? Int == 0o600)
        let table = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(table.hasPrefix("Rubrik;Kennzahl;\(year);\(year - 1)\r\n"))
        #expect(table.contains("\r\nGemeldete Situationen;Der IIZ gemeldete Situationen;12;\r\n"))
        let html = try federation.ciid("report", "annual", "--data-dir", coordinator, "--year", String(year))
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"fr\">") && html.contains("<svg") && html.contains("Rapport annuel CII \(year)"))

        // Errors: a year out of range, an unknown format.
        let future = try federation.ciidFailing("report", "annual", "--data-dir", coordinator, "--year", String(year + 2))
        #expect(future.contains("choose a year from 2000 to \(year + 1)"))
        #expect(
            try federation.ciidFailing("report", "annual", "--data-dir", coordinator, "--year", String(year), "--format", "pdf").contains(
                "--format is html, csv or json"
            )
        )

        // Each report read is audited, never with a name.
        let from = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "Europe/Zurich")!, formatOptions: [.withFullDate])
        let audit = try federation.ciid("audit", "export", "--data-dir", coordinator, "--from", from, "--to", from)
        #expect(audit.components(separatedBy: "what=annual-report").count - 1 == 3, "\(audit)")
        #expect(try federation.ciid("audit", "verify", "--data-dir", coordinator).hasPrefix("OK: "))
    }

    /// The HTML in both languages in headless Chromium: no serious or critical axe-core violation,
    /// its charts, and printed to A4 PDF; screenshots and PDFs kept in
    /// `.build/test-artifacts/annual-report/` (or `$CIID_ARTIFACTS/annual-report`).
    @Test func theReportIsAccessibleAndPrintsInChromium() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: `make test` installs chromium and chromium-driver")
        }
        let federation = try FederationHarness(dispositifs: [])
        let coordinator = try federation.folder("cii-vs")
        let year = Day.today().components.year
        try federation.ciid("dev", "registry", "--data-dir", coordinator, "--cases", "40", "--year", String(year))
        var files: [String] = []
        for language in ["fr", "de"] {
            let file = federation.folder + "/annual-report-\(language).html"
            try federation.ciid("report", "annual", "--data-dir", coordinator, "--year", String(year), "--language", language, "--output", file)
            files.append(file)
        }
        let artifacts = (ProcessInfo.processInfo.environment["CIID_ARTIFACTS"] ?? MailSink.repository + "/.build/test-artifacts") + "/annual-report"
        let script = try BrowserScript.run(
            "annual_report_check.py",
            ["--artifacts", artifacts, "--profile", federation.folder + "/chromium-profile"] + files,
            in: federation.folder,
            profile: federation.folder + "/chromium-profile",
            timeout: 120
        )
        let output = script.output
        #expect(script.status == 0, "\(output)")
        #expect(output.contains("annual-report-fr: accessible") && output.contains("annual-report-de: accessible"), "\(output)")
    }
}
