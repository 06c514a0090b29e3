import CIICore
import CIIFederation
import CIIStore
import Curl
import Foundation
import Sodium
import Testing

/// The respondent directory (issue 13): the coordinator signs the CII respondents of its registry's
/// collaborator directory (the bureau's former file while that has none) and serves them on its
/// members-only port; a dispositif fetches it, and its check answers name whom to call at
/// each dispositif that knows the person. Outsiders get nothing; a forged directory is ignored.
extension FederationTests {
    @Test func checkAnswersNameTheRespondentsOfTheCoordinatorsSignedDirectory() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        for id in ["orp-vs", "cms-vs"] { try federation.configure(id, "respondents_seconds", 1) }
        try federation.startAll()
        try federation.importCSV("cms-vs", FederationHarness.csv(1...5, caseworker: "cms-3"))
        #expect(try federation.eventually { try federation.replicaCount(at: "orp-vs", from: "cms-vs") == 5 })
        let orp = try federation.folder("orp-vs")
        let token = try #require(
            try federation.ciid("token", "create", "--data-dir", orp, "--name", "respondents").split(separator: "\n").first { $0.hasPrefix("ciid_") }
        )
        func check(_ index: UInt64) throws -> String {
            let answer = try Curl.perform(
                HTTPRequest(
                    method: "POST",
                    url: try federation.url("orp-vs") + "/api/v1/checks",
                    headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")],
                    body: Array("{\"avs\":\"\(FederationHarness.avs(index).formatted)\"}".utf8),
                    caFile: try federation.caFile("orp-vs")
                )
            )
            #expect(answer.status == 200)
            return answer.text
        }

        // No directory yet: once ORP has asked and heard there is none, it answers as before.
        #expect(federation.eventually { federation.log("orp-vs").contains("publishes no respondent directory yet") }, "\(federation.log("orp-vs"))")
        let before = try check(1)
        #expect(before.contains("\"dispositif\":\"CMS\"") && !before.contains("contacts"), "\(before)")

        // The bureau's former file (served while the registry's directory holds no respondent);
        // ORP fetches the signed directory within a few seconds.
        let entries = """
            [{"name": "Anne Rey", "dispositif": "CMS", "region": "Sion", "phone": "+41 27 555 01 01", "email": "anne.rey@cms.example"},
             {"name": "Chantal Praz", "dispositif": "CMS", "region": "Martigny", "phone": "027 555 03 03", "email": "c.praz@cms.example"},
             {"name": "Beat Imboden", "dispositif": "ORP", "region": "Haut-Valais/Oberwallis", "phone": "027 555 02 02", "email": "b.imboden@rav.example"}]
            """
        try entries.write(toFile: try federation.folder("cii-vs") + "/respondents.json", atomically: true, encoding: .utf8)
        #expect(federation.eventually { FileManager.default.fileExists(atPath: orp + "/federation/respondents.json") }, "\(federation.log("orp-vs"))")
        let after = try check(1)
        #expect(
            after.contains(
                #""contacts":[{"name":"Chantal Praz","region":"Martigny","phone":"027 555 03 03","email":"c.praz@cms.example"},{"name":"Anne Rey""#
            ),
            "\(after)"
        )
        #expect(!after.contains("Beat Imboden"), "ORP's own respondent is not a contact for a person CMS knows")
        #expect(try federation.ciid("status", "--data-dir", orp).contains("respondents   directory version"))
        let cli = try federation.ciid("check", "--data-dir", orp, "--lang", "fr", FederationHarness.avs(2).formatted)
        #expect(cli.contains("Contact CMS : Chantal Praz"), "\(cli)")
        #expect(cli.contains("Anne Rey, Sion, +41 27 555 01 01, anne.rey@cms.example"), "\(cli)")

        // A respondent saved in the registry's collaborator directory (the CLI, the coordinator
        // running): the directory is now the registry's alone, and ORP's answers name her.
        let coordinator = try federation.folder("cii-vs")
        let saved = try federation.ciid(
            "registry",
            "directory",
            "save",
            "--data-dir",
            coordinator,
            "--name",
            "Denise Fournier",
            "--dispositif",
            "CMS",
            "--region",
            "SIO",
            "--phone",
            "027 555 06 06",
            "--email",
            "d.fournier@cms.example"
        )
        #expect(saved.contains("respondent directory for the members: version"), "\(saved)")
        try federation.ciid(
            "registry",
            "directory",
            "save",
            "--data-dir",
            coordinator,
            "--name",
            "Paul Case",
            "--dispositif",
            "CMS",
            "--region",
            "SIO",
            "--phone",
            "027 555 07 07",
            "--email",
            "p.case@cms.example",
            "--function",
            "case_manager"
        )
        var fromRegistry = ""
        #expect(
            try federation.eventually {
                fromRegistry = try check(1)
                return fromRegistry.contains("Denise Fournier")
            },
            "\(fromRegistry) \(federation.log("orp-vs"))"
        )
        #expect(
            fromRegistry.contains(
                #""contacts":[{"name":"Denise Fournier","region":"Sion/Sitten","phone":"027 555 06 06","email":"d.fournier@cms.example"}]"#
            ),
            "\(fromRegistry)"
        )
        #expect(!fromRegistry.contains("Anne Rey") && !fromRegistry.contains("Paul Case"), "the file is set aside; only respondents are published")

        // Members only: not on the public port, not without a federation certificate, not unsigned.
        let public_ = try Curl.perform(
            HTTPRequest(url: try federation.url("cii-vs") + "/federation/respondents", caFile: try federation.caFile("orp-vs"))
        )
        #expect(public_.status == 404 && !public_.text.contains("Denise Fournier"))
        let members = try federation.federationURL("cii-vs") + "/federation/respondents"
        let stranger = try TestPKI(folder: federation.folder + "/stranger-pki").issue(for: "orp-vs")
        #expect(throws: CurlError.self) {
            try Curl.perform(HTTPRequest(url: members, caFile: try federation.caFile("orp-vs"), clientCertificate: stranger, timeoutSeconds: 10))
        }
        let unsigned = try Curl.perform(
            HTTPRequest(url: members, caFile: try federation.caFile("orp-vs"), clientCertificate: try federation.member("orp-vs").certificate)
        )
        #expect(unsigned.status == 401 && !unsigned.text.contains("Denise Fournier"))
        let signed = try federation.send("GET", "/federation/respondents", to: "cii-vs", as: "orp-vs")
        #expect(signed.status == 200 && signed.text.contains("signature"), "the positive control: a member gets it")

        // A forged directory (another key, the highest version) planted in ORP's folder is ignored:
        // ORP takes the coordinator's again, and never shows the forger's names.
        federation.stop("orp-vs")
        let forged = RespondentDirectory(
            version: .max,
            issuedAt: 1,
            coordinator: try NodeID("cii-vs"),
            entries: [RespondentEntry(name: "Faux Contact", dispositif: .cms, region: "Sion", phone: "000", email: "faux@example.org")]
        )
        try Data(try SignedRespondentDirectory.sign(forged, with: .generate()).json).write(
            to: URL(fileURLWithPath: orp + "/federation/respondents.json")
        )
        try federation.start("orp-vs")
        #expect(federation.eventually { federation.log("orp-vs").contains("accepted respondent directory") }, "\(federation.log("orp-vs"))")
        let again = try check(3)
        #expect(again.contains("Denise Fournier") && !again.contains("Faux Contact"), "\(again)")
    }
}
