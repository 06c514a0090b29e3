import CIIAccess
import CIICore
import CIIFederation
import CIIServer
import CIIStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Sodium
import Testing

/// Check answers name the respondents of the coordinator's directory, on the page and in JSON.
@Suite struct RespondentContactsTests {
    static let directory = RespondentDirectory(
        version: 7,
        issuedAt: 1_764_000_000,
        coordinator: try! NodeID("cii-vs"),
        entries: [
            RespondentEntry(name: "Anne \"Nan\" Rey", dispositif: .cms, region: "Sion", phone: "+41 27 555 01 01", email: "anne.rey@cms.example"),
            RespondentEntry(name: "Beat Imboden", dispositif: .orp, region: "Haut-Valais/Oberwallis", phone: "027 555 02 02", email: "b@rav.example"),
        ]
    )

    @Test func theJSONAnswerListsTheContactsOfEachMatchOnlyWithADirectory() throws {
        let today = Day(year: 2026, month: 11, day: 23)!
        let window = RetentionWindow(years: 3)
        let answer = CheckAnswer(
            matches: [
                CheckAnswer.Match(dispositif: .cms, node: "cms-vs", lastFollowUp: Day(year: 2025, month: 4, day: 7)!),
                CheckAnswer.Match(dispositif: .oai, node: "oai-vs", lastFollowUp: Day(year: 2025, month: 5, day: 7)!),
            ],
            followedHere: false,
            window: window,
            windowStart: window.cutoff(today: today),
            checkedOn: today,
            fingerprint: Fingerprint(words: (1, 2, 3, 4))
        )
        #expect(!CheckAnswerFormat.json(answer).contains("contacts"))
        let text = CheckAnswerFormat.json(answer, respondents: Self.directory)
        #expect(
            text.contains(
                #"{"dispositif":"CMS","node":"cms-vs","lastFollowUp":"2025-04-07","contacts":[{"name":"Anne \"Nan\" Rey","region":"Sion","phone":"+41 27 555 01 01","email":"anne.rey@cms.example"}]}"#
            ),
            "\(text)"
        )
        #expect(text.contains(#""node":"oai-vs","lastFollowUp":"2025-05-07","contacts":[]}"#))
        #expect(!text.contains("Imboden"))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(((decoded?["matches"] as? [[String: Any]])?[0]["contacts"] as? [[String: String]])?[0]["phone"] == "+41 27 555 01 01")
        let german = CheckAnswerFormat.sentence(answer, language: .de, respondents: Self.directory)
        #expect(german.contains("Kontakt SMZ: Anne \"Nan\" Rey, Sion, +41 27 555 01 01, anne.rey@cms.example"), "\(german)")
        #expect(german.contains("IV: keine IIZ-Ansprechperson im Verzeichnis."), "\(german)")
    }

    @Test func theCheckPageNamesWhomToContact() async throws {
        let pages = PageTests()
        var configured = try pages.base.makeServer()
        defer { try? FileManager.default.removeItem(atPath: pages.base.folder) }
        let key = SigningKeyPair.generate()
        let anchorJSON = #"{"id":"cii-vs","endpoint":"https://cii-vs.localhost:8443","signingKey":"\#(Data(key.publicKey).base64EncodedString())"}"#
        let anchor = try JSONDecoder().decode(Admission.Anchor.self, from: Data(anchorJSON.utf8))
        let path = pages.base.folder + "/respondents.json"
        try Data(try SignedRespondentDirectory.sign(Self.directory, with: key).json).write(to: URL(fileURLWithPath: path))
        configured.respondents = RespondentBook(path: path, anchor: anchor)
        let server = configured
        #expect(server.respondents?.directory?.version == 7)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let browser = try await pages.loggedIn(client, server: server)
            let page = try await browser.request(client, .get, "/check")
            let csrf = try #require(page.csrf)
            let known = try await browser.request(client, .post, "/check", form: ["csrf": csrf, "avs": pages.base.known.formatted])
            #expect(known.html.contains("<strong>CMS</strong>"))
            #expect(known.html.contains("Répondant·e CII : Anne "), "\(known.html)")
            #expect(known.html.contains("Rey · Sion · <a href=\"tel:+41 27 555 01 01\">"))
            #expect(known.html.contains("href=\"mailto:anne.rey@cms.example\""))
            #expect(!known.html.contains("Imboden"))
        }
    }
}
