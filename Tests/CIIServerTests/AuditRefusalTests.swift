import CIIAccess
import CIIAudit
import CIICore
import CIIServer
import CIIStore
import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// A check is not answered when its audit entry cannot be written: 503 on the API (JSON, code
/// `audit.unavailable`) and on the page (French and German), and nothing about the person shown.
@Suite struct AuditRefusalTests {
    let pages = PageTests()
    var base: ServerTests { pages.base }

    @Test func theAPIRefusesAChecksWhoseAuditCannotBeWritten() async throws {
        let (server, token) = try base.makeServerWithToken()
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            base.audit.refusing = true
            let (status, body) = try await base.post(client, "{\"avs\":\"\(base.known.formatted)\"}", token: token)
            #expect(status == .serviceUnavailable)
            #expect(body.contains("\"code\":\"audit.unavailable\""), "\(body)")
            #expect(!body.contains("cms-vs") && !body.contains("known"))
            base.audit.refusing = false
            #expect(try await base.post(client, "{\"avs\":\"\(base.known.formatted)\"}", token: token).0 == .ok)
        }
        #expect(base.audit.all.filter { $0.kind == .check }.count == 1)
    }

    @Test func theCheckPageSaysWhyInFrenchAndGerman() async throws {
        let server = try base.makeServer()
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let browser = try await pages.loggedIn(client, server: server)
            let csrf = try #require(try await browser.request(client, .get, "/check").csrf)
            base.audit.refusing = true
            let french = try await browser.request(client, .post, "/check", form: ["csrf": csrf, "avs": base.known.formatted])
            #expect(french.status == .serviceUnavailable)
            #expect(french.html.contains("ne peut pas être écrit pour l"), "\(french.html)")
            #expect(!french.html.contains("data-outcome"))
            browser.language = "de"
            _ = try await browser.request(client, .post, "/language", form: ["csrf": csrf, "to": "de", "back": "/check"])
            let german = try await browser.request(client, .post, "/check", form: ["csrf": csrf, "avs": base.known.formatted])
            #expect(german.status == .serviceUnavailable)
            #expect(german.html.contains("Audit-Protokoll kann im Moment nicht geschrieben werden"), "\(german.html)")
        }
    }

    /// The alerts page shows nothing when the listing's entry cannot be written.
    @Test func theAlertsPageShowsNothingWithoutItsAudit() async throws {
        let server = try base.makeServer()
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try server.inbox.node.write { db in
            try db.execute(
                sql: """
                    INSERT INTO overlap_event (origin, dispositif, epoch, fingerprint, their_last_on, caseworker, recorded_at, reference, existing)
                    VALUES ('cms-vs', 'CMS', 1, randomblob(32), 20400, 'AM', 1795000000, 'D-SECRET', 0)
                    """
            )
        }
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let browser = try await pages.loggedIn(client, server: server)
            base.audit.refusing = true
            let refused = try await browser.request(client, .get, "/alerts")
            #expect(refused.status == .serviceUnavailable)
            #expect(!refused.html.contains("D-SECRET"))
            base.audit.refusing = false
            let shown = try await browser.request(client, .get, "/alerts")
            #expect(shown.status == .ok && shown.html.contains("D-SECRET"))
        }
        #expect(base.audit.all.filter { $0.kind == .alertsListed }.count == 1)
    }
}
