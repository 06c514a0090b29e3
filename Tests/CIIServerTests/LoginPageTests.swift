import CIIAudit
import CIICore
import CIIServer
import Curl
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing

@testable import CIIAccess

/// The login page under guessing and under a burst of logins.
@Suite struct LoginPageTests {
    let base = ServerTests()

    @Test func anUnknownEmailAWrongPasswordAndASlowedDownOneGetTheSamePage() async throws {
        let delays = Delays()
        let server = try base.makeServer(sleep: { duration in delays.list.withLock { $0.append(duration) } })
        _ = try server.access.createAccount(
            email: "anne.muster@orp.test",
            name: "Anne Muster",
            language: .fr,
            role: .caseworker,
            caseworker: "AM",
            by: "cli"
        )
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = Browser()
            let csrf = try #require(try await browser.request(client, .get, "/login").csrf)
            func login(_ email: String) async throws -> Browser.Page {
                try await browser.request(client, .post, "/login", form: ["csrf": csrf, "email": email, "password": "pas le bon mot de passe"])
            }
            let unknown = try await login("personne@orp.test")
            let wrong = try await login("anne.muster@orp.test")
            _ = try await login("anne.muster@orp.test")
            _ = try await login("anne.muster@orp.test")
            let slowed = try await login("anne.muster@orp.test")
            #expect(delays.list.withLock { $0 } == [0, 0, 0, 0, 1].map { Duration.seconds($0) })
            #expect(unknown.status == .unauthorized)
            #expect(wrong.status == unknown.status && slowed.status == unknown.status)
            // Byte for byte (old code: the page echoed the e-mail typed).
            #expect(wrong.html == unknown.html)
            #expect(slowed.html == unknown.html)
            #expect(unknown.html.contains("Adresse e-mail ou mot de passe incorrect."))
            #expect(!unknown.html.contains("personne@orp.test"))
        }
    }

    @Test func theRightPasswordAndCodeGetInAfterManyWrongOnes() async throws {
        let delays = Delays()
        let server = try base.makeServer(sleep: { duration in delays.list.withLock { $0.append(duration) } })
        let created = try server.access.createAccount(
            email: "anne.muster@orp.test",
            name: "Anne Muster",
            language: .fr,
            role: .caseworker,
            caseworker: "AM",
            by: "cli"
        )
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        try await app.test(.router) { client in
            let browser = Browser()
            let csrf = try #require(try await browser.request(client, .get, "/login").csrf)
            for _ in 0..<8 {
                let wrong = try await browser.request(
                    client,
                    .post,
                    "/login",
                    form: ["csrf": csrf, "email": "anne.muster@orp.test", "password": "pas le bon mot de passe"]
                )
                #expect(wrong.status == .unauthorized)
            }
            // Old code: 423 Locked here.
            let right = try await browser.request(
                client,
                .post,
                "/login",
                form: ["csrf": csrf, "email": "anne.muster@orp.test", "password": created.oneTimePassword]
            )
            #expect(right.status == .seeOther)
            #expect(right.location == "/login/code")
            let mail = try #require(base.mailer.last(to: "anne.muster@orp.test"))
            let code = try #require(mail.textBody.split(whereSeparator: \.isWhitespace).first { $0.count == 6 && $0.allSatisfy(\.isNumber) })
            let done = try await browser.request(client, .post, "/login/code", form: ["csrf": csrf, "code": String(code)])
            #expect(done.location == "/account/password")
            #expect(delays.list.withLock { $0 }.max() == .seconds(30))
        }
    }

    @Test func aFullHashingQueueAnswers503WithRetryAfter() async throws {
        let hasher = PasswordHasher(threads: 1, queueLimit: 0)
        let server = try base.makeServer(hasher: hasher, sleep: { _ in })
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: base.folder) }
        let gate = DispatchSemaphore(value: 0)
        let holder = Task { try await hasher.run { gate.wait() } }
        let deadline = ContinuousClock.now + .seconds(10)
        while hasher.inFlight < 1, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        try await app.test(.router) { client in
            for language in ["fr", "de"] {
                let browser = Browser()
                browser.language = language
                let csrf = try #require(try await browser.request(client, .get, "/login").csrf)
                try await client.execute(
                    uri: "/login",
                    method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded", .acceptLanguage: language,
                        .cookie: browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "),
                    ],
                    body: ByteBuffer(string: "csrf=\(csrf)&email=anne.muster%40orp.test&password=x")
                ) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.retryAfter] == String(hasher.retryAfter))
                    let html = String(buffer: response.body)
                    #expect(
                        html.contains(
                            language == "fr"
                                ? "Trop de connexions en ce moment : réessayez dans \(hasher.retryAfter) secondes."
                                : "Zu viele Anmeldungen im Moment: Versuchen Sie es in \(hasher.retryAfter) Sekunden erneut."
                        )
                    )
                }
            }
        }
        gate.signal()
        try await holder.value
        #expect(base.audit.all.filter { $0.kind == .loginFailed && $0.detail("reason") == "busy" }.count == 2)
    }
}

/// The delays logins were told to wait, recorded instead of waited.
final class Delays: Sendable {
    let list = Mutex<[Duration]>([])
}
