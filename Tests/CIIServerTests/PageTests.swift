import CIIAccess
import CIIAudit
import CIICore
import CIIServer
import CIIStore
import Curl
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import QRCode
import Testing

/// The caseworkers' pages over HTTP, in-process (the browser tests drive them in Chromium over TLS).
@Suite struct PageTests {
    let base = ServerTests()

    /// Logs in as a new account through the pages and returns the browser, the server and the one-time password.
    func loggedIn(
        _ client: some TestClientProtocol,
        server: NodeServer,
        role: AccountRole = .caseworker,
        email: String = "anne.muster@orp.test"
    ) async throws -> Browser {
        let created = try server.access.createAccount(email: email, name: "Anne Muster", language: .fr, role: role, caseworker: "AM", by: "cli")
        let browser = Browser()
        let changed = try await browser.firstLogin(
            client,
            email: email,
            oneTimePassword: created.oneTimePassword,
            mailer: base.mailer,
            forced: "/check"
        )
        #expect(changed.html.contains("id=\"avs\""))
        return browser
    }

    @Test func aCaseworkerLogsInAndChecksOnThePage() async throws {
        let server = try base.makeServer()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = try await loggedIn(client, server: server)
            let page = try await browser.request(client, .get, "/check")
            let csrf = try #require(page.csrf)
            let known = try await browser.request(client, .post, "/check", form: ["csrf": csrf, "avs": base.known.formatted])
            #expect(known.status == .ok)
            #expect(known.html.contains("data-outcome=\"known\""))
            #expect(known.html.contains("<strong>CMS</strong>"))
            #expect(known.html.contains("04.2025"))
            #expect(known.html.contains("23.11.2023"))
            #expect(known.html.contains("procuration CII"))
            #expect(!known.html.contains(base.known.formatted))
            let unknown = try await browser.request(client, .post, "/check", form: ["csrf": csrf, "avs": "756.9217.0769.85"])
            #expect(unknown.html.contains("data-outcome=\"unknown\""))
            let bad = try await browser.request(client, .post, "/check", form: ["csrf": csrf, "avs": "756.9217.0769.84"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.html.contains("id=\"error\""))
            #expect(bad.html.contains("chiffre de contrôle"))
            // The language switch is remembered on the account.
            let switched = try await browser.request(client, .post, "/language", form: ["csrf": csrf, "to": "de", "back": "/check"])
            #expect(switched.location == "/check")
            browser.language = "fr"
            let german = try await browser.request(client, .get, "/check")
            #expect(german.html.contains("Eine Person prüfen"))
            let logout = try await browser.request(client, .post, "/logout", form: ["csrf": csrf])
            #expect(logout.location == "/login?bye=1")
            let after = try await browser.request(client, .get, "/check")
            #expect(after.location == "/login")
        }
        #expect(base.audit.all.filter { $0.kind == .check }.count == 3)
        #expect(base.audit.all.contains { $0.kind == .languageChanged })
        #expect(base.audit.all.contains { $0.kind == .logout })
    }

    @Test func formsWithoutTheirTokenAreRefused() async throws {
        let server = try base.makeServer()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = try await loggedIn(client, server: server)
            let missing = try await browser.request(client, .post, "/check", form: ["avs": base.known.formatted])
            #expect(missing.status == .forbidden)
            let wrong = try await browser.request(client, .post, "/check", form: ["csrf": "forged", "avs": base.known.formatted])
            #expect(wrong.status == .forbidden)
            let page = try await browser.request(client, .get, "/check")
            let csrf = try #require(page.csrf)
            let foreign = try await browser.request(
                client,
                .post,
                "/check",
                form: ["csrf": csrf, "avs": base.known.formatted],
                headers: [.origin: "https://evil.example"]
            )
            #expect(foreign.status == .forbidden)
            // Before login too.
            let anonymous = Browser()
            let login = try await anonymous.request(client, .post, "/login", form: ["email": "anne.muster@orp.test", "password": "x"])
            #expect(login.status == .forbidden)
            // The JSON API with the session cookie needs the header.
            let api = try await browser.request(
                client,
                .post,
                "/api/v1/checks",
                headers: [.contentType: "application/json"]
            )
            #expect(api.status == .forbidden)
            let allowed = try await client.execute(
                uri: "/api/v1/checks",
                method: .post,
                headers: [
                    .contentType: "application/json", .cookie: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
                    .init("X-CSRF-Token")!: csrf,
                ],
                body: ByteBuffer(string: "{\"avs\": \"\(base.known.formatted)\"}")
            ) { $0.status }
            #expect(allowed == .ok)
        }
        #expect(!base.audit.all.contains { $0.kind == .check && $0.outcome == "ok" && $0.actor == "anonymous" })
    }

    @Test func pagesAreForSessionsAndAdminPagesForAdmins() async throws {
        let server = try base.makeServer()
        let token = try server.access.createToken(name: "app", by: "cli").secret
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            // A token is for the check API only.
            let withToken = try await client.execute(uri: "/admin", method: .get, headers: [.authorization: "Bearer \(token)"]) { $0 }
            #expect(withToken.status == .seeOther)
            #expect(withToken.headers[.location] == "/login")
            let caseworker = try await loggedIn(client, server: server)
            let refused = try await caseworker.request(client, .get, "/admin")
            #expect(refused.status == .forbidden)
            // Her own page's token does not make her an admin: refused before the form is read.
            let own = try #require(try await caseworker.request(client, .get, "/check").csrf)
            let forged = try await caseworker.request(
                client,
                .post,
                "/admin/accounts",
                form: ["csrf": own, "name": "Eve", "email": "eve@orp.test", "role": "admin", "language": "fr"]
            )
            #expect(forged.status == .forbidden)
            #expect(try server.access.store.account(email: "eve@orp.test") == nil)
            // Nobody logged in is sent to the login page, whatever the form holds.
            let anonymous = try await Browser().request(client, .post, "/check", form: ["csrf": "x", "avs": "756.9217.0769.85"])
            #expect(anonymous.location == "/login")
            let admin = try await loggedIn(client, server: server, role: .admin, email: "root@orp.test")
            let page = try await admin.request(client, .get, "/admin")
            #expect(page.status == .ok)
            #expect(page.html.contains("anne.muster@orp.test"))
            let csrf = try #require(page.csrf)
            let created = try await admin.request(
                client,
                .post,
                "/admin/accounts",
                form: ["csrf": csrf, "name": "Beat Imboden", "email": "beat@orp.test", "role": "caseworker", "language": "de"]
            )
            #expect(created.html.contains("id=\"secret\""))
            let duplicate = try await admin.request(
                client,
                .post,
                "/admin/accounts",
                form: ["csrf": csrf, "name": "Beat Imboden", "email": "beat@orp.test", "role": "caseworker", "language": "de"]
            )
            #expect(duplicate.status == .unprocessableContent)
            let anne = try #require(try server.access.store.account(email: "anne.muster@orp.test"))
            let disabled = try await admin.request(client, .post, "/admin/accounts/\(anne.id)/disable", form: ["csrf": csrf])
            #expect(disabled.status == .ok)
            // Her session ends at once.
            let gone = try await caseworker.request(client, .get, "/check")
            #expect(gone.location == "/login")
            let newToken = try await admin.request(client, .post, "/admin/tokens", form: ["csrf": csrf, "name": "dossiers"])
            #expect(newToken.html.contains("ciid_"))
        }
        #expect(base.audit.all.contains { $0.kind == .accountDisabled && $0.actor.hasPrefix("account:") })
        #expect(base.audit.all.contains { $0.kind == .tokenCreated })
    }

    @Test func alertsAndOverlapsKnownAtTheFirstExchangeAreListedApart() async throws {
        let server = try base.makeServer()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        // One alert and one overlap found at the first exchange with CMS, both for caseworker AM.
        for (reference, existing) in [("D-NEW", false), ("D-OLD", true)] {
            try server.inbox.node.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO overlap_event (origin, dispositif, epoch, fingerprint, their_last_on, caseworker, recorded_at, reference, existing)
                        VALUES ('cms-vs', 'CMS', 1, randomblob(32), 20400, 'AM', 1795000000, \(reference), \(existing))
                        """
                )
            }
        }
        try await app.test(.router) { client in
            let browser = try await loggedIn(client, server: server)
            let page = try await browser.request(client, .get, "/alerts")
            #expect(page.status == .ok)
            let html = page.html
            let alerts = try #require(html.range(of: "id=\"alerts\""))
            let existing = try #require(html.range(of: "id=\"existing\""))
            #expect(alerts.lowerBound < existing.lowerBound)
            #expect(
                html[alerts.lowerBound..<existing.lowerBound].contains("D-NEW") && !html[alerts.lowerBound..<existing.lowerBound].contains("D-OLD")
            )
            #expect(html[existing.lowerBound...].contains("D-OLD"))
            // The other dispositif's last follow-up by month, as on the check page, never the day.
            #expect(html.contains("11.2025") && !html.contains("08.11.2025"))
            // The listing is in the audit log with what it showed: both overlaps, by fingerprint.
            let listed = try #require(base.audit.all.last { $0.kind == .alertsListed })
            #expect(listed.actor.hasPrefix("account:"))
            #expect(listed.detail("count") == "1" && listed.detail("existing") == "1")
            #expect(listed.details.filter { $0.key.hasPrefix("alert:") && $0.value.count == 64 }.count == 2)
            #expect(html.contains("Suivis communs déjà connus au premier échange"))
            #expect(html.contains("<span class=\"badge\" id=\"unread\">1</span>"))
            _ = try await browser.request(client, .post, "/language", form: ["csrf": try #require(page.csrf), "to": "de", "back": "/alerts"])
            let german = try await browser.request(client, .get, "/alerts")
            #expect(german.html.contains("Bereits beim ersten Abgleich bekannte gemeinsame Begleitungen"))
        }
    }

    /// Enrolling an authenticator app shows the `otpauth://` link as a QR code beside the key.
    @Test func totpEnrolmentShowsAQRCodeOfItsLink() async throws {
        let server = try base.makeServer()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = try await loggedIn(client, server: server)
            let account = try await browser.request(client, .get, "/account")
            let page = try await browser.request(client, .post, "/account/totp/start", form: ["csrf": try #require(account.csrf)])
            #expect(page.status == .ok)
            let link = try #require(page.html.range(of: "id=\"totp-url\">")).upperBound
            let url = String(page.html[link...].prefix { $0 != "<" }).replacingOccurrences(of: "&amp;", with: "&")
            #expect(url.hasPrefix("otpauth://totp/"))
            let expected = try QRCode(encoding: url).svg(title: "Code QR de la clé de l'application d'authentification")
            let figure = try #require(page.html.range(of: "<figure id=\"totp-qr\" class=\"qr\">")).upperBound
            let shown = String(page.html[figure...].prefix { $0 != "\n" })
            #expect(shown.hasPrefix("<svg") && shown.contains("role=\"img\""))
            // The page escapes the apostrophe of the title the same way on both sides: compare the drawing.
            let path = { (svg: String) in svg.components(separatedBy: "d=\"").last?.components(separatedBy: "\"").first }
            #expect(path(shown) == path(expected) && path(shown) != nil)
        }
    }

    @Test func theLimitIsExplainedOnThePage() async throws {
        var settings = AccessSettings()
        settings.checksPerMinute = 1
        let server = try base.makeServer(settings: settings)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = try await loggedIn(client, server: server)
            let page = try await browser.request(client, .get, "/check")
            let csrf = try #require(page.csrf)
            _ = try await browser.request(client, .post, "/check", form: ["csrf": csrf, "avs": base.known.formatted])
            let limited = try await browser.request(client, .post, "/check", form: ["csrf": csrf, "avs": base.known.formatted])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.html.contains("id=\"limit\""))
            #expect(limited.html.contains("1 vérifications par minute"))
        }
    }
}
