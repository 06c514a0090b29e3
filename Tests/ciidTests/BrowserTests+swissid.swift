import Foundation
import Testing

extension BrowserTests {
    /// An external coordinator logs in with SwissID in headless Chromium: a real `ciid serve`
    /// coordinator over HTTPS, the tests' OpenID provider (`Tests/oidc/provider.py`) over HTTPS with
    /// a certificate of the tests' own CA (`swissid.provider_ca_file`), the account linked by
    /// `ciid user link-swissid`; the session cookie (`SameSite=Strict`) must survive the way back
    /// from the provider's site. Screenshots in `.build/test-artifacts/browser-swissid/`.
    @Test func anExternalCoordinatorLogsInWithSwissIDInChromium() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: `make test` installs chromium and chromium-driver")
        }
        let folder = try CIIDProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let coordinator = folder + "/cii"
        let port = try FederationHarness.freePort()
        let created = try CIIDProcess.run(
            [
                "init", "--data-dir", coordinator, "--role", "coordinator", "--node-id", "cii-vs", "--listen", "127.0.0.1:\(port)",
                "--federation-listen", "127.0.0.1:0", "--endpoint", "https://localhost:\(port)", "--federation-endpoint", "https://localhost:8444",
            ],
            in: folder
        )
        try #require(created.status == 0, "\(created.error)")

        // The provider, with a certificate of the tests' own CA.
        let pki = try TestPKI(folder: folder + "/pki")
        let (certificate, key) = try pki.issue(for: "provider")
        let provider = Process()
        provider.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        provider.arguments = [
            MailSink.repository + "/Tests/oidc/provider.py", "--certificate", certificate, "--key", key, "--port-file", folder + "/provider.port",
            "--client-id", "cii-vs-test", "--client-secret", "browser-test-secret", "--redirect-uri",
            "https://localhost:\(port)/login/swissid/callback",
        ]
        FileManager.default.createFile(atPath: folder + "/provider.log", contents: nil)
        let providerLog = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/provider.log"))
        provider.standardOutput = providerLog
        provider.standardError = providerLog
        try provider.run()
        defer {
            kill(provider.processIdentifier, SIGKILL)
            provider.waitUntilExit()
        }
        var providerPort: Int?
        let started = Date()
        while providerPort == nil, Date().timeIntervalSince(started) < 60, provider.isRunning {
            providerPort = (try? String(contentsOfFile: folder + "/provider.port", encoding: .utf8)).flatMap { Int($0) }
            if providerPort == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let issuerPort = try #require(
            providerPort,
            "the provider did not start: \((try? String(contentsOfFile: folder + "/provider.log", encoding: .utf8)) ?? "")"
        )

        let configuration = coordinator + "/ciid.conf"
        try
            (try String(contentsOfFile: configuration, encoding: .utf8) + """

                [swissid]
                issuer = https://localhost:\(issuerPort)
                client_id = cii-vs-test
                client_secret_file = keys/swissid.secret
                redirect_url = https://localhost:\(port)/login/swissid/callback
                assurance_levels = loa-3
                provider_ca_file = \(pki.caCertificate)

                """).write(toFile: configuration, atomically: true, encoding: .utf8)
        let secret = coordinator + "/keys/swissid.secret"
        try "browser-test-secret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o600)
        let email = "externe@cii.test"
        let added = try CIIDProcess.run(
            [
                "user", "add", "--data-dir", coordinator, "--email", email, "--name", "Coordination externe", "--role", "coordinator", "--region",
                "SIO",
            ],
            in: folder
        )
        try #require(added.status == 0, "\(added.error)")
        let linked = try CIIDProcess.run(
            ["user", "link-swissid", "--data-dir", coordinator, "--email", email, "--subject", "swissid-subject-1"],
            in: folder
        )
        try #require(linked.status == 0, "\(linked.error)")

        let server = try CIIDProcess.start(
            ["serve", "--data-dir", coordinator, "--federation-port", "0", "--port-file", folder + "/port"],
            in: folder
        )
        defer { server.stop(SIGKILL) }
        let deadline = Date().addingTimeInterval(30)
        while (try? String(contentsOfFile: folder + "/port", encoding: .utf8)) == nil, Date() < deadline, server.process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        try #require(server.process.isRunning, "ciid serve did not start: \(server.errors())")

        let screenshots = MailSink.repository + "/.build/test-artifacts/browser-swissid"
        try? FileManager.default.removeItem(atPath: screenshots)
        let script = try BrowserScript.run(
            "swissid_flow.py",
            [
                "--url", "https://localhost:\(port)",
                "--certificates", "\(coordinator)/tls/node.crt,\(certificate)", "--email", email,
                "--screenshots", screenshots, "--profile", folder + "/chromium-profile",
            ],
            in: folder,
            profile: folder + "/chromium-profile",
            timeout: 180
        )
        let output = script.output
        #expect(script.status == 0, "\(output)\nnode log:\n\(server.errors().suffix(3000))")
        #expect(output.contains("swissid flow passed"))
    }
}
