import CIICore
import Foundation
import Testing

/// The registry's case pages on a real coordinator (`ciid serve`), in headless Chromium over
/// HTTPS, with login codes from a real SMTP sink: a respondent creates a case and fills its tabs,
/// another region's respondent cannot reach it, the coordinator decides and adds a service, the
/// bureau sets the gravity index, uploads an expired power of attorney, prints and cancels the
/// case; axe-core on every page. Screenshots are kept in `.build/test-artifacts/registry-browser/`
/// (or `$CIID_ARTIFACTS/registry-browser`).
@Suite(.serialized) struct RegistryBrowserTests {
    static var artifacts: String {
        (ProcessInfo.processInfo.environment["CIID_ARTIFACTS"] ?? MailSink.repository + "/.build/test-artifacts") + "/registry-browser"
    }

    @Test func theRegistryPagesServeEveryRoleInChromium() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/python3"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: `make test` installs chromium and chromium-driver")
        }
        let setup = try EndToEndTests()
        let folder = setup.folder
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sink = try MailSink(folder: folder)
        defer { sink.stop() }
        let coordinator = folder + "/cii"
        try setup.initCoordinator(coordinator)
        let configuration = coordinator + "/ciid.conf"
        try
            (try String(contentsOfFile: configuration, encoding: .utf8)
            + "\n[mail]\nrelay = smtp://127.0.0.1:\(sink.port)\nsecurity = none\nfrom = ciid@cii.test\n\n[registry]\nbureau_email = bureau.cii@cii.test\n")
            .write(toFile: configuration, atomically: true, encoding: .utf8)

        // The directory, the codes and the accounts, as the bureau and the admin make them.
        func entry(_ name: String, _ dispositif: String, _ region: String, _ function: String) throws -> String {
            let saved = try setup.ciid(
                "registry",
                "directory",
                "save",
                "--data-dir",
                coordinator,
                "--name",
                name,
                "--dispositif",
                dispositif,
                "--region",
                region,
                "--email",
                "\(name.lowercased().filter(\.isLetter))@cii.test",
                "--function",
                function
            )
            #expect(saved.status == 0, "\(saved.error)")
            let id = saved.output.split(separator: " ").dropFirst(2).first.map(String.init) ?? ""
            try #require(Int(id) != nil, "\(saved.output)")
            return id
        }
        let alice = try entry("Alice Favre", "ORP", "SIO", "respondent")
        let bruno = try entry("Bruno Imboden", "CMS", "HV", "respondent")
        let officer = try entry("Claire Delaloye", "ORP", "SIO", "cantonal_officer")
        for (code, fr, de, poa) in [("RAP", "Rapport", "Bericht", false), ("PROC", "Procuration", "Vollmacht", true)] {
            let arguments =
                ["registry", "codes", "save", "--data-dir", coordinator, "--code", code, "--fr", fr, "--de", de]
                + (poa ? ["--power-of-attorney"] : [])
            let saved = try CIIDProcess.run(arguments, in: folder)
            #expect(saved.status == 0, "\(saved.error)")
        }
        func account(_ email: String, _ role: String, _ extra: [String]) throws -> String {
            let added = try CIIDProcess.run(
                [
                    "user", "add", "--data-dir", coordinator, "--email", email, "--name", email.split(separator: "@").first.map(String.init) ?? email,
                    "--role", role,
                ]
                    + extra,
                in: folder
            )
            #expect(added.status == 0, "\(added.error)")
            let line = added.output.split(separator: "\n").first { $0.hasPrefix("one-time password: ") }
            return String(try #require(line).dropFirst("one-time password: ".count))
        }
        let respondent = try account("alice.favre@orp.test", "respondent", ["--collaborator", alice])
        let other = try account("bruno.imboden@smz.test", "respondent", ["--collaborator", bruno])
        let regional = try account("coordination.sion@cii.test", "coordinator", ["--region", "SIO"])
        let bureau = try account("bureau@cii.test", "bureau", [])

        try? FileManager.default.removeItem(atPath: folder + "/port")
        let server = try CIIDProcess.start(
            ["serve", "--data-dir", coordinator, "--port", "0", "--federation-port", "0", "--port-file", folder + "/port"],
            in: folder
        )
        defer { server.stop(SIGKILL) }
        let port = try setup.waitForPort(folder + "/port", server: server)
        let pdf = folder + "/rapport.pdf"
        try "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".write(toFile: pdf, atomically: true, encoding: .utf8)

        let screenshots = Self.artifacts
        try? FileManager.default.removeItem(atPath: screenshots)
        let script = try BrowserScript.run(
            "registry_flow.py",
            [
                "--url", "https://localhost:\(port)",
                "--certificate", coordinator + "/tls/node.crt",
                "--maildir", sink.maildir,
                "--screenshots", screenshots,
                "--profile", folder + "/chromium-profile",
                "--avs", AVSNumber(completing: 756_100_000_077).formatted,
                "--pdf", pdf,
                "--poa-start", Day.today().adding(days: -70).iso,
                "--officer-id", officer,
                "--respondent", "alice.favre@orp.test", "--respondent-password", respondent,
                "--other", "bruno.imboden@smz.test", "--other-password", other,
                "--coordinator", "coordination.sion@cii.test", "--coordinator-password", regional,
                "--bureau", "bureau@cii.test", "--bureau-password", bureau,
            ],
            in: folder,
            profile: folder + "/chromium-profile",
            timeout: 420
        )
        let output = script.output
        #expect(script.status == 0, "\(output)\nnode log:\n\(server.errors().suffix(4000))")
        #expect(output.contains("registry flow passed"), "\(output)")
        let shots = (try? FileManager.default.contentsOfDirectory(atPath: screenshots)) ?? []
        #expect(shots.filter { $0.hasSuffix(".png") }.count >= 30, "screenshots: \(shots.sorted())")

        // The cancellation reached the bureau by real SMTP; every step is in the audit log, whose
        // chain verifies, and no AVS number is in it.
        #expect(
            Polling.eventually(within: 20) { sink.messages().contains { $0.contains("bureau.cii@cii.test") } },
            "\(sink.messages().count) message(s)"
        )
        #expect(server.stop() == 0)
        let verified = try CIIDProcess.run(["audit", "verify", "--data-dir", coordinator], in: folder)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
        let today = Day.today().iso
        let exported = try CIIDProcess.run(["audit", "export", "--data-dir", coordinator, "--from", today, "--to", today], in: folder)
        #expect(exported.status == 0, "\(exported.error)")
        for kind in ["registry_read", "registry_change", "registry_search"] {
            #expect(exported.output.contains(";\(kind);"), "the audit log lacks \(kind)")
        }
        let person = AVSNumber(completing: 756_100_000_077)
        #expect(!exported.output.contains(person.formatted) && !exported.output.contains(person.formatted.filter(\.isNumber)))
    }
}
