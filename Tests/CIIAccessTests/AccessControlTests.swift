import CIIAudit
import CIICore
import Curl
import Foundation
import Testing

@testable import CIIAccess

@Suite("Accounts and logins")
struct AccessControlTests {
    @Test("a new account logs in with its one-time password and an e-mailed code, then must change the password")
    func firstLogin() async throws {
        let fixture = try AccessFixture()
        let access = fixture.access
        let created = try access.createAccount(
            email: "anne.muster@orp.test",
            name: "Anne Muster",
            language: .de,
            role: .caseworker,
            caseworker: "AM",
            by: "cli"
        )
        #expect(created.account.mustChangePassword)
        #expect(created.oneTimePassword.count == 19)

        let step = try await access.beginLogin(email: "ANNE.MUSTER@orp.test", password: created.oneTimePassword, client: "127.0.0.1")
        guard case .pending(let pending) = step else {
            Issue.record("expected a pending login, got \(step)")
            return
        }
        #expect(pending.method == .email)
        #expect(pending.maskedEmail == "a•••@orp.test")
        let mail = try #require(fixture.mailer.last(to: "anne.muster@orp.test"))
        #expect(mail.subject.hasPrefix("Ihr ciid-Anmeldecode"))
        let code = try #require(fixture.lastCode(to: "anne.muster@orp.test"))

        guard case .session(let opened) = try await access.completeLogin(pending: pending.token, code: code, client: "127.0.0.1") else {
            Issue.record("the right code was refused")
            return
        }
        #expect(opened.session.account.mustChangePassword)
        // The code works once.
        guard case .refused(.loginExpired) = try await access.completeLogin(pending: pending.token, code: code, client: "127.0.0.1") else {
            Issue.record("a used code was accepted again")
            return
        }
        #expect(try access.changePassword(opened.session, current: nil, new: "short", confirmation: "short") == .tooShort)
        #expect(try access.changePassword(opened.session, current: nil, new: "anne.muster wins", confirmation: "anne.muster wins") == .personal)
        #expect(try access.changePassword(opened.session, current: nil, new: "password1234", confirmation: "password1234") == .tooCommon)
        #expect(try access.changePassword(opened.session, current: nil, new: "un long chemin", confirmation: "un long chemim") == .mismatch)
        #expect(
            try access.changePassword(opened.session, current: nil, new: "un long chemin vers Sion", confirmation: "un long chemin vers Sion") == nil
        )
        #expect(try access.session(token: opened.token)?.account.mustChangePassword == false)
        // Later changes need the current password.
        let session = try #require(try access.session(token: opened.token))
        #expect(throws: AccessError.self) {
            _ = try access.changePassword(session, current: "wrong", new: "encore un autre chemin", confirmation: "encore un autre chemin")
        }
        #expect(fixture.audit.kinds().contains("login"))
        #expect(fixture.audit.kinds().contains("code_sent"))
        #expect(fixture.audit.kinds().filter { $0 == "password_changed" }.count >= 2)
    }

    @Test("an unknown e-mail and a wrong password get the same answer")
    func badCredentials() async throws {
        let fixture = try AccessFixture()
        _ = try await fixture.loggedIn()
        guard case .refused(.badCredentials) = try await fixture.access.beginLogin(email: "nobody@orp.test", password: "x", client: "1.2.3.4"),
            case .refused(.badCredentials) = try await fixture.access.beginLogin(email: "anne.muster@orp.test", password: "x", client: "1.2.3.4")
        else {
            Issue.record("expected badCredentials for both")
            return
        }
        #expect(fixture.mailer.messages.count == 1)  // only the fixture's own login code
    }

    @Test("wrong codes count as failures; five wrong codes end the pending login")
    func wrongCodes() async throws {
        let fixture = try AccessFixture()
        _ = try await fixture.loggedIn()
        guard
            case .pending(let pending) = try await fixture.access.beginLogin(
                email: "anne.muster@orp.test",
                password: "un long chemin vers Sion",
                client: "x"
            )
        else {
            Issue.record("no pending login")
            return
        }
        let right = try #require(fixture.lastCode(to: "anne.muster@orp.test"))
        let wrong = right == "000000" ? "111111" : "000000"
        for remaining in [4, 3, 2, 1] {
            guard case .refused(.wrongCode(let left)) = try await fixture.access.completeLogin(pending: pending.token, code: wrong, client: "x")
            else {
                Issue.record("expected wrongCode")
                return
            }
            #expect(left == remaining)
        }
        guard case .refused(.loginExpired) = try await fixture.access.completeLogin(pending: pending.token, code: wrong, client: "x") else {
            Issue.record("the fifth wrong code did not end the login")
            return
        }
        guard case .refused(.loginExpired) = try await fixture.access.completeLogin(pending: pending.token, code: right, client: "x") else {
            Issue.record("the right code worked after the login ended")
            return
        }
        #expect(fixture.audit.kinds().filter { $0 == "code_failed" }.count == 5)
    }

    @Test("a code expires after ten minutes")
    func codeExpiry() async throws {
        let fixture = try AccessFixture()
        _ = try await fixture.loggedIn()
        guard
            case .pending(let pending) = try await fixture.access.beginLogin(
                email: "anne.muster@orp.test",
                password: "un long chemin vers Sion",
                client: "x"
            )
        else {
            Issue.record("no pending login")
            return
        }
        let code = try #require(fixture.lastCode(to: "anne.muster@orp.test"))
        fixture.clock.advance(601)
        guard case .refused(.loginExpired) = try await fixture.access.completeLogin(pending: pending.token, code: code, client: "x") else {
            Issue.record("an expired code was accepted")
            return
        }
    }

    @Test("an account unused for four months is disabled with its sessions; the admin renews it")
    func inactivityExpiry() async throws {
        let fixture = try AccessFixture()
        let session = try await fixture.loggedIn()
        let access = fixture.access
        fixture.clock.advance(121 * 86_400)
        #expect(try access.expireIfUnused(try access.account(session.account.id)) == false)
        fixture.clock.advance(2 * 86_400)
        #expect(try access.expireIfUnused(try access.account(session.account.id)))
        #expect(try access.account(session.account.id).isActive == false)
        #expect(try access.account(session.account.id).disabledReason == "inactivity")
        guard case .refused(.expired) = try await access.beginLogin(email: "anne.muster@orp.test", password: "un long chemin vers Sion", client: "x")
        else {
            Issue.record("an expired account could log in")
            return
        }
        #expect(fixture.audit.kinds().contains("account_expired"))
        _ = try access.renew(session.account.id, by: "account:99")
        guard case .pending = try await access.beginLogin(email: "anne.muster@orp.test", password: "un long chemin vers Sion", client: "x") else {
            Issue.record("a renewed account could not log in")
            return
        }
    }

    @Test("sessions end when idle and after their absolute lifetime, and at logout")
    func sessionTimeouts() async throws {
        var settings = AccessSettings()
        settings.sessionIdleMinutes = 30
        settings.sessionAbsoluteHours = 2
        let fixture = try AccessFixture(settings: settings)
        let access = fixture.access
        let created = try access.createAccount(
            email: "b@orp.test",
            name: "Beat Imboden",
            language: .de,
            role: .caseworker,
            caseworker: nil,
            by: "cli"
        )
        func login() async throws -> String {
            guard case .pending(let pending) = try await access.beginLogin(email: "b@orp.test", password: created.oneTimePassword, client: "x"),
                case .session(let opened) = try await access.completeLogin(
                    pending: pending.token,
                    code: fixture.lastCode(to: "b@orp.test") ?? "",
                    client: "x"
                )
            else { throw AccessError(.storage, "login failed") }
            return opened.token
        }
        let idle = try await login()
        fixture.clock.advance(29 * 60)
        #expect(try access.session(token: idle) != nil)
        fixture.clock.advance(31 * 60)
        #expect(try access.session(token: idle) == nil)

        let long = try await login()
        for _ in 0..<4 {
            fixture.clock.advance(25 * 60)
            #expect(try access.session(token: long) != nil)
        }
        fixture.clock.advance(25 * 60)  // 2 h 5 min after login, 25 min after the last request
        #expect(try access.session(token: long) == nil)

        let ended = try await login()
        try access.logout(try #require(try access.session(token: ended)))
        #expect(try access.session(token: ended) == nil)
        #expect(fixture.audit.kinds().contains("session_expired"))
        #expect(fixture.audit.kinds().contains("logout"))
    }

    @Test("disabling an account ends its sessions at once")
    func disableEndsSessions() async throws {
        let fixture = try AccessFixture()
        let session = try await fixture.loggedIn()
        _ = try fixture.access.disable(session.account.id, by: "cli")
        #expect(try fixture.access.session(token: "none") == nil)
        guard
            case .refused(.disabled) = try await fixture.access.beginLogin(
                email: "anne.muster@orp.test",
                password: "un long chemin vers Sion",
                client: "x"
            )
        else {
            Issue.record("a disabled account could log in")
            return
        }
    }

    @Test("a failing mail relay refuses the login clearly and audits the failure")
    func mailFailure() async throws {
        let fixture = try AccessFixture()
        let created = try fixture.access.createAccount(
            email: "c@orp.test",
            name: "Chloé Rey",
            language: .fr,
            role: .caseworker,
            caseworker: nil,
            by: "cli"
        )
        fixture.mailer.failSends(with: MailError("relay down"))
        guard
            case .refused(.mailUnavailable) = try await fixture.access.beginLogin(email: "c@orp.test", password: created.oneTimePassword, client: "x")
        else {
            Issue.record("expected mailUnavailable")
            return
        }
        #expect(fixture.audit.all.contains { $0.kind == .codeSent && $0.outcome == "failed" })
    }

    @Test("nothing secret reaches the audit log")
    func auditHoldsNoSecrets() async throws {
        let fixture = try AccessFixture()
        let created = try fixture.access.createAccount(email: "d@orp.test", name: "Dora Zen", language: .fr, role: .admin, caseworker: nil, by: "cli")
        _ = try await fixture.access.beginLogin(email: "d@orp.test", password: created.oneTimePassword, client: "x")
        let code = try #require(fixture.lastCode(to: "d@orp.test"))
        let token = try fixture.access.createToken(name: "dossiers", by: "account:1")
        let text = fixture.audit.all.map { "\($0.actor) \($0.subject ?? "") \($0.outcome) \($0.details.map { "\($0.key)=\($0.value)" })" }.joined(
            separator: "\n"
        )
        #expect(!text.contains(created.oneTimePassword))
        #expect(!text.contains(code))
        #expect(!text.contains(token.secret))
    }
}
