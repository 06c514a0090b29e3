import CIICore
import Foundation
import Synchronization
import Testing

@testable import CIIAccess

/// Guesses sent all at once count as many as sent one by one: every counter moves in one SQL
/// statement, not read before the password hash and written after it.
@Suite("Parallel guesses")
struct ParallelGuessTests {
    static let email = "anne.muster@orp.test"
    static let password = "un long chemin vers Sion"

    /// A fixture whose delays are recorded, not waited.
    static func fixture() throws -> AccessFixture { try AccessFixture() }

    /// Runs `body` on `count` threads released at the same moment; what each returned.
    static func atOnce<T: Sendable>(_ count: Int, _ body: @escaping @Sendable () throws -> T) throws -> [T] {
        let results = Mutex<[Result<T, any Error>]>([])
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for _ in 0..<count {
            done.enter()
            Thread.detachNewThread {
                start.wait()
                let result = Result { try body() }
                results.withLock { $0.append(result) }
                done.leave()
            }
        }
        for _ in 0..<count { start.signal() }
        done.wait()
        return try results.withLock { $0 }.map { try $0.get() }
    }

    @Test("8 wrong passwords at once leave the failure counters of the e-mail and of the address at 8")
    func parallelWrongPasswords() async throws {
        let fixture = try Self.fixture()
        let session = try await fixture.loggedIn()
        let access = fixture.access
        let refusals = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    guard case .refused(.badCredentials) = try await access.beginLogin(email: Self.email, password: "wrong \(index)", client: "x")
                    else { return false }
                    return true
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(refusals == 8)
        let counted = try access.loginFailures(email: Self.email, client: "x")
        #expect(counted.account == 8 && counted.address == 8)
        #expect(fixture.audit.kinds().filter { $0 == "login_failed" }.count == 8)
    }

    @Test("8 tries of the same TOTP code at once open exactly one session, five times over")
    func parallelSameTOTPCode() async throws {
        let fixture = try Self.fixture()
        let session = try await fixture.loggedIn()
        let access = fixture.access
        let enrolment = access.beginTOTPEnrolment(for: session.account)
        let first = String(format: "%06d", HummingbirdOTPVector.six(secret: enrolment.secret, time: fixture.clock.now.timeIntervalSince1970))
        try access.confirmTOTP(session.account, secret: enrolment.secret, code: first)
        // Five rounds, each with a new code: the race this test shows is a matter of microseconds.
        for round in 1...5 {
            fixture.clock.advance(30)
            guard case .pending(let pending) = try await access.beginLogin(email: Self.email, password: Self.password, client: "x") else {
                Issue.record("no pending login")
                return
            }
            let code = String(format: "%06d", HummingbirdOTPVector.six(secret: enrolment.secret, time: fixture.clock.now.timeIntervalSince1970))
            let opened = try Self.atOnce(8) { () throws -> Bool in
                guard case .session = try access.checkCode(pending: pending.token, code: code, client: "x") else { return false }
                return true
            }
            #expect(opened.filter { $0 }.count == 1, "round \(round)")
        }
        #expect(fixture.audit.kinds().filter { $0 == "login" }.count == 6)  // the fixture's own login, and one a round
    }

    @Test("8 wrong e-mailed codes at once are all counted and end the pending login after five")
    func parallelWrongEmailCodes() async throws {
        let fixture = try Self.fixture()
        let session = try await fixture.loggedIn()
        let access = fixture.access
        guard case .pending(let pending) = try await access.beginLogin(email: Self.email, password: Self.password, client: "x") else {
            Issue.record("no pending login")
            return
        }
        let right = try #require(fixture.lastCode(to: Self.email))
        let wrong = right == "000000" ? "111111" : "000000"
        let answers = try Self.atOnce(8) { () throws -> String in
            switch try access.checkCode(pending: pending.token, code: wrong, client: "x") {
            case .refused(.wrongCode(let remaining)): "remaining \(remaining)"
            case .refused(.loginExpired): "expired"
            case .refused(let other): "\(other)"
            case .session: "session"
            }
        }
        // Five tries are counted against the pending login, which the fifth ends; a try that arrives
        // after that finds no login (as one sent later would) and is refused unread.
        #expect(answers.sorted() == ["expired", "expired", "expired", "expired", "remaining 1", "remaining 2", "remaining 3", "remaining 4"])
        // Every refused code is counted against the account too, none lost.
        let counted = fixture.audit.kinds().filter { $0 == "code_failed" }.count
        #expect(counted >= 5)
        #expect(try access.loginFailures(email: Self.email, client: "x").account == counted)
        guard case .refused(.loginExpired) = try await access.completeLogin(pending: pending.token, code: right, client: "x") else {
            Issue.record("the right code still worked after five wrong ones")
            return
        }
    }
}
