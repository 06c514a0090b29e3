import CIICore
import Foundation
import Testing

@testable import CIIAccess

@Suite("API tokens, rate limits and TOTP")
struct TokenAndLimitTests {
    @Test("the in-memory digest of a token is the hash stored in the database")
    func tokenDigestMatchesTheStoredHash() {
        let secret = SecretToken.make(prefix: "ciid_")
        #expect(TokenDigest(secret: secret) == TokenDigest(stored: SecretToken.hash(secret)))
        #expect(TokenDigest(secret: secret) != TokenDigest(secret: secret + "x"))
        #expect(TokenDigest(stored: Data([1, 2, 3])) == nil)
    }

    @Test("a token works until it is revoked; its secret is never stored")
    func tokens() throws {
        let fixture = try AccessFixture()
        let access = fixture.access
        let created = try access.createToken(name: "dossier-system", by: "cli")
        #expect(created.secret.hasPrefix("ciid_"))
        #expect(try access.token(secret: created.secret)?.id == created.token.id)
        #expect(try access.token(secret: created.secret + "x") == nil)
        #expect(try access.token(secret: "Bearer nonsense") == nil)
        try access.revokeToken(created.token.id, by: "cli")
        #expect(try access.token(secret: created.secret) == nil)
        let again = #expect(throws: AccessError.self) { try access.revokeToken(created.token.id, by: "cli") }
        #expect(again?.message(.de).contains("kein gültiges API-Token Nr. \(created.token.id)") == true)
        #expect(again?.message(.fr).contains("pas de jeton d'API actif") == true)
        let unknown = #expect(throws: AccessError.self) { try access.renew(9_999, by: "cli") }
        #expect(unknown?.code == .unknownAccount && unknown?.message(.fr).contains("pas de compte n° 9999") == true)
        let stored = try Data(contentsOf: fixture.folder.appendingPathComponent("access.sqlite"))
        #expect(stored.range(of: Data(created.secret.utf8)) == nil)
        #expect(throws: AccessError.self) { _ = try access.createToken(name: "  ", by: "cli") }
    }

    @Test("checks are limited per minute and per day, per caller")
    func rateLimits() async throws {
        var settings = AccessSettings()
        settings.checksPerMinute = 3
        settings.checksPerDay = 5
        let fixture = try AccessFixture(settings: settings)
        let session = try await fixture.loggedIn()
        let access = fixture.access
        let me = Principal.session(session)
        for _ in 0..<3 { #expect(access.admitCheck(me) == nil) }
        #expect(access.admitCheck(me)?.window == .minute)
        #expect(access.checksLeftToday(me) == 2)
        fixture.clock.advance(60)
        for _ in 0..<2 { #expect(access.admitCheck(me) == nil) }
        #expect(access.admitCheck(me) == CheckLimit(window: .day, limit: 5))
        fixture.clock.advance(3600)
        #expect(access.admitCheck(me)?.window == .day)
        // Another caller has its own count.
        let token = try access.createToken(name: "app", by: "cli").token
        #expect(access.admitCheck(.token(token)) == nil)
        fixture.clock.advance(86_400)
        #expect(access.admitCheck(me) == nil)
        #expect(fixture.audit.kinds().filter { $0 == "check_refused" }.count == 3)
        #expect(CheckLimit(window: .minute, limit: 3).message(.de).contains("3 Prüfungen pro Minute"))
    }

    @Test("TOTP follows RFC 6238 and a code works once")
    func totp() async throws {
        // RFC 6238 appendix B, SHA-1, 8 digits, secret "12345678901234567890".
        let vectors: [(Double, Int)] = [(59, 94_287_082), (1_111_111_109, 7_081_804), (1_234_567_890, 89_005_924), (2_000_000_000, 69_279_037)]
        for (time, expected) in vectors {
            #expect(HummingbirdOTPVector.compute(secret: "12345678901234567890", time: time) == expected)
        }
        let fixture = try AccessFixture()
        let session = try await fixture.loggedIn()
        let access = fixture.access
        let enrolment = access.beginTOTPEnrolment(for: session.account)
        #expect(enrolment.url.hasPrefix("otpauth://totp/"))
        #expect(throws: AccessError.self) { try access.confirmTOTP(session.account, secret: enrolment.secret, code: "000000x") }
        let now = fixture.clock.now
        let code = String(format: "%06d", HummingbirdOTPVector.six(secret: enrolment.secret, time: now.timeIntervalSince1970))
        try access.confirmTOTP(session.account, secret: enrolment.secret, code: code)
        #expect(try access.account(session.account.id).secondFactor == .totp)

        fixture.clock.advance(30)
        guard
            case .pending(let pending) = try await access.beginLogin(email: "anne.muster@orp.test", password: "un long chemin vers Sion", client: "x")
        else {
            Issue.record("no pending login")
            return
        }
        #expect(pending.method == .totp)
        let next = String(format: "%06d", HummingbirdOTPVector.six(secret: enrolment.secret, time: fixture.clock.now.timeIntervalSince1970))
        guard case .session = try await access.completeLogin(pending: pending.token, code: next, client: "x") else {
            Issue.record("the TOTP code was refused")
            return
        }
        // The same code cannot be used again.
        guard case .pending(let again) = try await access.beginLogin(email: "anne.muster@orp.test", password: "un long chemin vers Sion", client: "x")
        else {
            Issue.record("no pending login")
            return
        }
        guard case .refused(.wrongCode) = try await access.completeLogin(pending: again.token, code: next, client: "x") else {
            Issue.record("a TOTP code was accepted twice")
            return
        }
    }
}
