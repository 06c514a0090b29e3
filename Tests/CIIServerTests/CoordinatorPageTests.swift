import CIIAccess
import CIICore
import CIIServer
import Curl
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The coordinator's logins: the registry's people sign in with password and second factor as on
/// a dispositif node, land on their account page, and find neither the check nor the alerts.
@Suite struct CoordinatorPageTests {
    let base = ServerTests()

    /// Logs `email` in through the pages (one-time password, e-mailed code, new password).
    func logIn(
        _ client: some TestClientProtocol,
        _ server: NodeServer,
        role: AccountRole,
        email: String,
        region: String? = nil
    ) async throws
        -> Browser
    {
        let created = try server.access.createAccount(
            email: email,
            name: "Bureau CII",
            language: .fr,
            role: role,
            caseworker: nil,
            region: region,
            by: "cli"
        )
        let browser = Browser()
        let changed = try await browser.firstLogin(
            client,
            email: email,
            oneTimePassword: created.oneTimePassword,
            mailer: base.mailer,
            forced: "/account"
        )
        #expect(changed.html.contains("id=\"nav-account\""))
        return browser
    }

    @Test func theBureauLogsInOnTheCoordinatorAndFindsNoCheck() async throws {
        let server = try base.makeServer(nodeRole: .coordinator)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = try await logIn(client, server, role: .bureau, email: "bureau@cii.test")
            #expect(try await browser.request(client, .get, "/").location == "/registry/cases", "the bureau lands on its cases")
            let account = try await browser.request(client, .get, "/account")
            #expect(account.status == .ok)
            #expect(!account.html.contains("nav-check") && !account.html.contains("nav-alerts"))
            #expect(try await browser.request(client, .get, "/check").status == .notFound)
            #expect(try await browser.request(client, .get, "/alerts").status == .notFound)
            #expect(try await browser.request(client, .get, "/admin").status == .forbidden)
        }
    }

    @Test func theCoordinatorsAdminCreatesARegionalCoordinator() async throws {
        let server = try base.makeServer(nodeRole: .coordinator)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = try await logIn(client, server, role: .admin, email: "admin@cii.test")
            let admin = try await browser.request(client, .get, "/admin")
            #expect(admin.status == .ok)
            #expect(admin.html.contains("<option value=\"coordinator\">coordinateur régional</option>"))
            #expect(!admin.html.contains("value=\"caseworker\""))
            #expect(admin.html.contains("<option value=\"HV\">Haut-Valais</option>"))
            let csrf = try #require(admin.csrf)
            let missing = try await browser.request(
                client,
                .post,
                "/admin/accounts",
                form: ["csrf": csrf, "name": "Coordination", "email": "coord@cii.test", "role": "coordinator", "language": "fr", "region": ""]
            )
            #expect(missing.status == .unprocessableContent)
            #expect(missing.html.contains("besoin d&#39;une région") || missing.html.contains("besoin d'une région"))
            let made = try await browser.request(
                client,
                .post,
                "/admin/accounts",
                form: ["csrf": csrf, "name": "Coordination", "email": "coord@cii.test", "role": "coordinator", "language": "fr", "region": "MON"]
            )
            #expect(made.status == .ok)
            let account = try #require(try server.access.store.account(email: "coord@cii.test"))
            #expect(account.role == .coordinator && account.region == .monthey)
        }
    }
}
