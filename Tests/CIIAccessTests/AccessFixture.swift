import CIIAudit
import CIICore
import Curl
import Foundation
import Synchronization

@testable import CIIAccess

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Audit events kept in memory.
final class RecordingAudit: AuditRecorder {
    private let events = Mutex<[AuditEvent]>([])
    func record(_ event: AuditEvent) { events.withLock { $0.append(event) } }
    var all: [AuditEvent] { events.withLock { $0 } }
    func kinds() -> [String] { all.map(\.kind.rawValue) }
}

/// The delays a login was told to wait, recorded instead of waited.
final class RecordingSleeper: Sendable {
    private let delays = Mutex<[Duration]>([])
    func sleep(_ duration: Duration) { delays.withLock { $0.append(duration) } }
    var all: [Duration] { delays.withLock { $0 } }
    /// The delays recorded since the last call.
    func taken() -> [Duration] {
        delays.withLock { all in
            defer { all = [] }
            return all
        }
    }
}

/// An access database in a temporary folder with a test clock, a recording mailer and audit,
/// and login delays recorded, not waited.
struct AccessFixture {
    let folder: URL
    let clock = TestClock()
    let sleeper = RecordingSleeper()
    let mailer = RecordingMailer()
    let audit = RecordingAudit()
    let access: AccessControl

    init(settings: AccessSettings = AccessSettings(), nodeRole: NodeRole = .dispositif) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ciid-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try AccessStore(path: folder.appendingPathComponent("access.sqlite").path)
        let clock = self.clock
        let sleeper = self.sleeper
        access = AccessControl(
            store: store,
            settings: settings,
            audit: audit,
            mailer: mailer,
            mailFrom: "ciid@orp.test",
            nodeName: nodeRole == .dispositif ? "ORP (orp-vs)" : "bureau-cii",
            nodeRole: nodeRole,
            now: { clock.now },
            hasher: PasswordHasher(threads: 2, queueLimit: 64),
            sleep: { sleeper.sleep($0) }
        )
    }

    /// The 6-digit code of the last e-mail to `email`.
    func lastCode(to email: String) -> String? {
        guard let message = mailer.last(to: email) else { return nil }
        let words = message.textBody.split(whereSeparator: { (character: Character) in character.isWhitespace })
        return words.first { $0.count == 6 && $0.allSatisfy(\.isNumber) }.map(String.init)
    }

    /// Creates an account, logs in with its one-time password and the e-mailed code, and sets `password`.
    func loggedIn(
        email: String = "anne.muster@orp.test",
        role: AccountRole = .caseworker,
        password: String = "un long chemin vers Sion"
    )
        async throws -> Session
    {
        let created = try access.createAccount(email: email, name: "Anne Muster", language: .fr, role: role, caseworker: "AM", by: "cli")
        guard case .pending(let pending) = try await access.beginLogin(email: email, password: created.oneTimePassword, client: "127.0.0.1"),
            case .session(let opened) = try await access.completeLogin(pending: pending.token, code: lastCode(to: email) ?? "", client: "127.0.0.1")
        else { throw AccessError(.storage, "the fixture could not log in") }
        guard try access.changePassword(opened.session, current: nil, new: password, confirmation: password) == nil else {
            throw AccessError(.storage, "the fixture password was refused")
        }
        return try access.session(token: opened.token)!
    }
}
