import CIICore
import Foundation
import Sodium
import Testing

@testable import CIIAccess

/// Failed logins slow further tries down, per e-mail typed and per address, and never lock
/// out whoever holds the password and the second factor.
@Suite("Login delays")
struct LoginThrottleTests {
    static let email = "anne.muster@orp.test"
    static let password = "un long chemin vers Sion"

    @Test("the delays: nothing for 3 failures on an e-mail, then doubling up to 30 s; an address grows slower, up to 15 s")
    func rules() {
        let account = (0..<12).map { ThrottleRule.account.delay(after: $0) }
        #expect(account == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30, 30].map { Duration.seconds($0) })
        #expect(ThrottleRule.account.delay(after: 10_000) == .seconds(30))
        #expect(ThrottleRule.address.delay(after: 9) == .zero)
        #expect(ThrottleRule.address.delay(after: 10) == .seconds(1))
        #expect(ThrottleRule.address.delay(after: 15) == .seconds(2))
        #expect(ThrottleRule.address.delay(after: 1_000) == .seconds(15))
    }

    @Test("the decoy hash costs what an account's hash costs")
    func decoyCost() {
        #expect(AccessControl.decoyHash.hasPrefix(PasswordHash.prefix))
        #expect(!PasswordHash.needsRehash(AccessControl.decoyHash))
        #expect(!PasswordHash.verify("", against: AccessControl.decoyHash))
    }

    @Test("after twelve wrong passwords the right password, after its delay, and the right code open a session")
    func noLockOut() async throws {
        let fixture = try AccessFixture()
        let session = try await fixture.loggedIn()
        let access = fixture.access
        _ = fixture.sleeper.taken()
        for index in 0..<12 {
            guard case .refused(.badCredentials) = try await access.beginLogin(email: Self.email, password: "wrong \(index)", client: "9.9.9.9")
            else {
                Issue.record("wrong password \(index) was not refused as such")
                return
            }
        }
        #expect(fixture.sleeper.taken() == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30, 30].map { Duration.seconds($0) })
        // Old code: 423 Locked here, whatever the password.
        let step = try await access.beginLogin(email: Self.email, password: Self.password, client: "9.9.9.9")
        guard case .pending(let pending) = step else {
            Issue.record("the right password after twelve failures got \(step)")
            return
        }
        #expect(fixture.sleeper.taken() == [.seconds(30)])  // slowed down, not refused
        let code = try #require(fixture.lastCode(to: Self.email))
        let opened = try await access.completeLogin(pending: pending.token, code: code, client: "9.9.9.9")
        guard case .session = opened else {
            Issue.record("the right code after twelve failures got \(opened)")
            return
        }
        #expect(fixture.sleeper.taken() == [.seconds(30)])  // the code waits as the password did
        // A session forgets the e-mail's failures, not the address's.
        let counts = try access.loginFailures(email: Self.email, client: "9.9.9.9")
        #expect(counts.account == 0 && counts.address == 12)
        #expect(try access.account(session.account.id).isActive)
        #expect(!fixture.audit.kinds().contains("account_locked"))
    }

    @Test("an unknown e-mail, a wrong password and a slowed-down one take the same path: one Argon2id check, the same delays, the same answer")
    func samePath() async throws {
        let fixture = try AccessFixture()
        _ = try await fixture.loggedIn()
        let access = fixture.access
        _ = fixture.sleeper.taken()
        func attempts(_ email: String, client: String) async throws -> (answers: [String], delays: [Duration], hashes: [Int]) {
            var answers: [String] = []
            var hashes: [Int] = []
            for _ in 0..<6 {
                let before = access.hasher.completed
                let step = try await access.beginLogin(email: email, password: "pas le bon", client: client)
                hashes.append(access.hasher.completed - before)
                guard case .refused(let refusal) = step else {
                    Issue.record("a wrong login was let in")
                    return ([], [], [])
                }
                answers.append(refusal.message(.fr))
            }
            return (answers, fixture.sleeper.taken(), hashes)
        }
        let known = try await attempts(Self.email, client: "10.0.0.1")
        let unknown = try await attempts("personne@orp.test", client: "10.0.0.2")
        #expect(known.answers == unknown.answers)
        #expect(Set(known.answers) == [LoginRefusal.badCredentials.message(.fr)])
        #expect(known.delays == unknown.delays)
        #expect(known.delays == [0, 0, 0, 1, 2, 4].map { Duration.seconds($0) })
        #expect(known.hashes == [1, 1, 1, 1, 1, 1] && unknown.hashes == known.hashes)
        // The unknown e-mail is counted as a known one is.
        #expect(try access.loginFailures(email: "PERSONNE@orp.test ", client: "10.0.0.2").account == 6)
        #expect(try access.loginFailures(email: "PERSONNE@orp.test ", client: "10.0.0.2").address == 6)
    }

    @Test("an address failing across many e-mails slows down a right login behind it, never refuses it")
    func sharedAddress() async throws {
        let fixture = try AccessFixture()
        let access = fixture.access
        let created = try access.createAccount(
            email: "b@orp.test",
            name: "Beat Imboden",
            language: .de,
            role: .caseworker,
            caseworker: nil,
            by: "cli"
        )
        for index in 0..<40 {
            guard case .refused(.badCredentials) = try await access.beginLogin(email: "n\(index)@orp.test", password: "x", client: "192.0.2.7")
            else {
                Issue.record("a guess was let in")
                return
            }
        }
        let delays = fixture.sleeper.taken()
        #expect(delays.prefix(10).allSatisfy { $0 == .zero })
        #expect(delays.last == .seconds(15))
        #expect(delays == delays.sorted())
        // The same address, a right password and code: slowed, let in.
        guard case .pending(let pending) = try await access.beginLogin(email: "b@orp.test", password: created.oneTimePassword, client: "192.0.2.7")
        else {
            Issue.record("a right password behind a guessing address was refused")
            return
        }
        #expect(fixture.sleeper.taken() == [.seconds(15)])
        guard
            case .session = try await access.completeLogin(
                pending: pending.token,
                code: fixture.lastCode(to: "b@orp.test") ?? "",
                client: "192.0.2.7"
            )
        else {
            Issue.record("a right code behind a guessing address was refused")
            return
        }
        // Another address is not slowed, and one IPv6 network counts as one address.
        _ = fixture.sleeper.taken()
        _ = try await access.beginLogin(email: "n0@orp.test", password: "x", client: "192.0.2.8")
        #expect(fixture.sleeper.taken() == [.zero])
        #expect(LoginThrottle.Keys.network("2001:db8:1:2:aaaa::1") == LoginThrottle.Keys.network("2001:db8:1:2:bbbb::9"))
        #expect(LoginThrottle.Keys.network("2001:db8:1:2::1") != LoginThrottle.Keys.network("2001:db8:1:3::1"))
        #expect(LoginThrottle.Keys.network("::ffff:192.0.2.7") == "192.0.2.7")
    }

    @Test("failures are forgotten after a quiet day on an e-mail and a quiet hour on an address")
    func forgetting() async throws {
        let fixture = try AccessFixture()
        let access = fixture.access
        for _ in 0..<5 { _ = try await access.beginLogin(email: "x@orp.test", password: "x", client: "192.0.2.9") }
        #expect(try access.loginFailures(email: "x@orp.test", client: "192.0.2.9").account == 5)
        #expect(try access.loginFailures(email: "x@orp.test", client: "192.0.2.9").address == 5)
        fixture.clock.advance(86_401)
        _ = fixture.sleeper.taken()
        _ = try await access.beginLogin(email: "x@orp.test", password: "x", client: "192.0.2.9")
        #expect(fixture.sleeper.taken() == [.zero])
        #expect(try access.loginFailures(email: "x@orp.test", client: "192.0.2.9").account == 1)
        #expect(try access.loginFailures(email: "x@orp.test", client: "192.0.2.9").address == 1)
        fixture.clock.advance(86_401)
        try access.purgeSessions()
        #expect(try access.loginFailures(email: "x@orp.test", client: "192.0.2.9").account == 0)
        #expect(try access.loginFailures(email: "x@orp.test", client: "192.0.2.9").address == 0)
    }
}
