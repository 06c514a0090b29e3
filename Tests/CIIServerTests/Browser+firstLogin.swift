import CIIAccess
import Curl
import Hummingbird
import HummingbirdTesting
import Testing

extension Browser {
    /// A first login through the pages: the one-time password, the e-mailed code (read from
    /// `mailer`), then a new password, which every other page (`forced`) insists on until it is
    /// set. Returns the page the password change answers with.
    func firstLogin(
        _ client: some TestClientProtocol,
        email: String,
        oneTimePassword: String,
        mailer: RecordingMailer,
        forced: String,
        newPassword: String = "un long chemin vers Sion"
    ) async throws -> Page {
        let login = try await request(client, .get, "/login")
        #expect(login.status == .ok)
        let csrf = try #require(login.csrf)
        let sent = try await request(client, .post, "/login", form: ["csrf": csrf, "email": email, "password": oneTimePassword])
        #expect(sent.status == .seeOther)
        #expect(sent.location == "/login/code")
        let codePage = try await request(client, .get, "/login/code")
        #expect(codePage.html.contains("\(email.first!)•••@\(email.split(separator: "@").last!)"), "the code page shows the address masked")
        let mail = try #require(mailer.last(to: email))
        let code = try #require(mail.textBody.split(whereSeparator: \.isWhitespace).first { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        let done = try await request(client, .post, "/login/code", form: ["csrf": csrf, "code": String(code)])
        #expect(done.location == "/account/password")
        #expect(try await request(client, .get, forced).location == "/account/password")
        let passwordPage = try await request(client, .get, "/account/password")
        let sessionCSRF = try #require(passwordPage.csrf)
        let changed = try await request(
            client,
            .post,
            "/account/password",
            form: ["csrf": sessionCSRF, "new": newPassword, "confirm": newPassword]
        )
        #expect(changed.status == .ok)
        return changed
    }
}
