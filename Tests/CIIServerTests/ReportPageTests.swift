import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import CIIRegistrySQLite
import CIIReport
import CIIServer
import CIIStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The bureau's annual report page on the coordinator, `GET /registry/report`: the bureau only
/// (the role group's 403 for everyone else), in the site's layout with a year chooser, CSV and
/// JSON downloads, every report audited as a registry read.
@Suite struct ReportPageTests {
    let base = ServerTests()
    static let bureau = RegistryActor(accountID: "bureau-test", role: .bureau)

    /// A coordinator with a registry holding three situations announced in 2025, and its reporter.
    func makeServer() async throws -> NodeServer {
        var server = try base.makeServer(nodeRole: .coordinator)
        let store = try SQLiteRegistryStore(path: base.folder + "/registry.sqlite", key: RegistryKey.generate())
        let noon = Date(timeIntervalSince1970: TimeInterval(base.today.daysSince1970) * 86_400 + 43_200)
        let service = RegistryService(store: store, now: { noon })
        for (index, region) in [Region.sion, .sion, .hautValais].enumerated() {
            let announced = Day(year: 2025, month: 3 + index, day: 10)!
            _ = try await service.createCase(
                NewCase(
                    person: PersonDraft(
                        avs: AVSNumber(completing: 756_300_000_000 + UInt64(index)).formatted,
                        surname: "Test",
                        firstName: "Nr \(index)",
                        birthDate: Day(year: 1980 + index, month: 6, day: 1)!,
                        sex: index == 2 ? .female : .male,
                        language: .fr,
                        education: .none
                    ),
                    announcement: Announcement(region: region, announcedOn: announced, ageGroup: .adult, dispositif: .orp),
                    situation: Situation(text: "", riskFactors: [.finances, .training]),
                    collaborators: CaseCollaborators()
                ),
                by: Self.bureau
            )
        }
        server.registry = service
        server.annualReporter = AnnualReporter(store: store, replica: try NodeStore(path: base.folder + "/node.sqlite"))
        return server
    }

    func logIn(_ client: some TestClientProtocol, _ server: NodeServer, role: AccountRole, email: String) async throws -> Browser {
        let created = try server.access.createAccount(
            email: email,
            name: "Person \(role.rawValue)",
            language: .fr,
            role: role,
            caseworker: nil,
            region: role == .coordinator ? "SIO" : nil,
            by: "cli"
        )
        let browser = Browser()
        _ = try await browser.firstLogin(client, email: email, oneTimePassword: created.oneTimePassword, mailer: base.mailer, forced: "/account")
        return browser
    }

    @Test func onlyTheBureauReadsTheReport() async throws {
        let server = try await makeServer()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            for (role, email) in [(AccountRole.respondent, "r@cii.test"), (.coordinator, "c@cii.test"), (.admin, "a@cii.test")] {
                let browser = try await logIn(client, server, role: role, email: email)
                let refused = try await browser.request(client, .get, "/registry/report?year=2025")
                #expect(refused.status == .forbidden, "\(role)")
                #expect(!refused.html.contains("annual-report"))
                #expect(try await browser.request(client, .get, "/registry/report?year=2025&format=json").status == .forbidden)
            }
            #expect(
                !base.audit.all.contains { $0.details.contains { $0.key == "what" && $0.value == "annual-report" } },
                "nothing read, nothing audited"
            )
            // Without a session: the login page.
            #expect(try await Browser().request(client, .get, "/registry/report").location == "/login")
        }
    }

    @Test func theBureauReadsAndDownloadsTheReport() async throws {
        let server = try await makeServer()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = try await logIn(client, server, role: .bureau, email: "bureau@cii.test")
            // Last year by default (the server's today is in 2026).
            let page = try await browser.request(client, .get, "/registry/report")
            #expect(page.status == .ok)
            #expect(page.html.contains("<html lang=\"fr\">") && page.html.contains("Rapport annuel CII 2025"))
            #expect(page.html.contains("<option value=\"2025\" selected>2025</option>") && page.html.contains("<label for=\"year\">Année</label>"))
            #expect(page.html.contains("<th scope=\"row\">Situations annoncées à la CII</th><td class=\"number\">3</td>"))
            #expect(page.html.contains("<svg") && page.html.contains("href=\"/registry/report.css\""))
            #expect(page.html.contains("/registry/report?year=2025&amp;format=csv"))
            // The replica holds one person (CMS, 2025): a count under 5.
            #expect(page.html.contains("<td class=\"number\">&lt; 5</td>"))
            #expect(!page.html.contains("<style"), "the site's policy allows no inline style")

            let css = try await browser.request(client, .get, "/registry/report.css")
            #expect(css.status == .ok && css.html.contains("@media print"))

            let csv = try await browser.request(client, .get, "/registry/report?year=2025&format=csv")
            #expect(csv.status == .ok && csv.html.hasPrefix("Rubrique;Chiffre;2025;2024\r\n"))
            #expect(csv.html.contains("Situations annoncées;Situations annoncées à la CII;3;"))

            let json = try await browser.request(client, .get, "/registry/report?year=2025&format=json")
            #expect(json.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.html.utf8)) as? [String: Any])
            let figures = try #require(object["figures"] as? [String: Any])
            #expect((figures["situations"] as? [String: Any])?["total"] as? Int == 3)
            #expect((figures["simultaneous"] as? [String: Any])?["people"] as? String == "< 5")

            // A year out of range: said next to the chooser, in the user's language.
            let wrong = try await browser.request(client, .get, "/registry/report?year=1999")
            #expect(wrong.status == .badRequest)
            #expect(wrong.html.contains("id=\"year-error\"") && wrong.html.contains("Choisissez une année de 2000 à 2026."))

            let reads = base.audit.all.filter { $0.kind == .registryRead && $0.details.contains { $0.key == "what" && $0.value == "annual-report" } }
            #expect(reads.count == 3, "the page, the CSV and the JSON")
            #expect(reads.allSatisfy { $0.actor != "" && $0.details.contains { $0.key == "year" && $0.value == "2025" } })
        }
    }
}
