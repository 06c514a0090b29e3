import CIICore
import Foundation
import Testing

/// The bureau CII on a real coordinator, in headless Chromium over HTTPS: login with a code from a
/// real SMTP server, each bureau page checked by axe-core, a refused form, a directory entry, a
/// training recorded with the keyboard only, the language switched and remembered after a new
/// login (`Tests/browser/bureau_pages.py`). Screenshots are kept in
/// `.build/test-artifacts/bureau-browser/` (or `$CIID_ARTIFACTS/bureau-browser`).
@Suite(.serialized) struct BureauBrowserTests {
    static var artifacts: String {
        (ProcessInfo.processInfo.environment["CIID_ARTIFACTS"] ?? MailSink.repository + "/.build/test-artifacts") + "/bureau-browser"
    }

    @Test func theBureauWorksOnItsPagesInChromium() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: `make test` installs chromium and chromium-driver")
        }
        let folder = try CIIDProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sink = try MailSink(folder: folder)
        defer { sink.stop() }
        let coordinator = folder + "/cii"
        let created = try CIIDProcess.run(
            [
                "init", "--data-dir", coordinator, "--role", "coordinator", "--node-id", "cii-vs", "--listen", "127.0.0.1:0", "--federation-listen",
                "127.0.0.1:0", "--endpoint", "https://localhost:8443", "--federation-endpoint", "https://localhost:8444",
            ],
            in: folder
        )
        try #require(created.status == 0, "\(created.error)")
        let configuration = coordinator + "/ciid.conf"
        try
            (try String(contentsOfFile: configuration, encoding: .utf8)
            + "\n[mail]\nrelay = smtp://127.0.0.1:\(sink.port)\nsecurity = none\nfrom = ciid@cii.test\n")
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        let email = "bureau.cii@admin.test"
        let added = try CIIDProcess.run(
            ["user", "add", "--data-dir", coordinator, "--email", email, "--name", "Bureau CII", "--role", "bureau"],
            in: folder
        )
        try #require(added.status == 0, "\(added.error)")
        let oneTime = try #require(
            added.output.split(separator: "\n").first { $0.hasPrefix("one-time password: ") }?.dropFirst("one-time password: ".count)
        )

        let server = try CIIDProcess.start(
            ["serve", "--data-dir", coordinator, "--port", "0", "--federation-port", "0", "--port-file", folder + "/port"],
            in: folder
        )
        defer { server.stop(SIGKILL) }
        var port = 0
        #expect(
            Polling.eventually(within: 30) {
                port =
                    Int((try? String(contentsOfFile: folder + "/port", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
                return port > 0
            },
            "\(server.errors())"
        )
        try #require(port > 0)

        let screenshots = Self.artifacts
        try? FileManager.default.removeItem(atPath: screenshots)
        let script = try BrowserScript.run(
            "bureau_pages.py",
            [
                "--url", "https://localhost:\(port)",
                "--certificate", coordinator + "/tls/node.crt",
                "--maildir", sink.maildir,
                "--email", email,
                "--password", String(oneTime),
                "--new-password", "le Rhône coule vers Martigny",
                "--entry", "Chloé Rey",
                "--training", "Journée régionale du Valais central",
                // Typed into the date field, whose order of day and month follows Chromium's locale: the
                // 1st of January of this year reads the same either way, and has come.
                "--training-date", "0101\(Day.today().components.year)",
                "--training-day", "01.01.\(Day.today().components.year)",
                "--screenshots", screenshots,
                "--profile", folder + "/chromium-profile",
            ],
            in: folder,
            profile: folder + "/chromium-profile",
            timeout: 300
        )
        let output = script.output
        #expect(script.status == 0, "\(output)\nnode log:\n\(server.errors().suffix(3000))")
        let shots = (try? FileManager.default.contentsOfDirectory(atPath: screenshots)) ?? []
        #expect(shots.filter { $0.hasSuffix(".png") }.count >= 18, "screenshots: \(shots)")

        // The training and the entry are in the registry; the language is on the account.
        #expect(server.stop() == 0)
        let audit = try CIIDProcess.run(
            ["audit", "export", "--data-dir", coordinator, "--from", Day.today().adding(days: -1).iso, "--to", Day.today().iso],
            in: folder
        )
        for kind in ["login", "password_changed", "registry_read", "registry_change", "language_changed", "logout"] {
            #expect(audit.output.contains(";\(kind);"), "the audit log lacks \(kind)")
        }
        #expect(!audit.output.contains(String(oneTime)))
    }
}
