public import CIIAudit
public import CIICore
public import Foundation
public import Logging
import Sodium

/// Accounts, logins, sessions, API tokens and check limits of a dispositif node: every rule of
/// people's access, with no HTTP in it (the server's pages and the CLI both call this).
///
/// Every decision is written to the audit log through ``audit``; no password, code, token or
/// AVS number is ever put in an event, an error or a log line.
public final class AccessControl: Sendable {
    /// The access database.
    public let store: AccessStore
    /// The rules (time-outs, limits).
    public let settings: AccessSettings
    /// Where events go.
    public let audit: any AuditRecorder
    /// Sends login codes and digests; nil when the node has no relay (e-mailed codes then fail).
    public let mailer: (any Mailer)?
    /// The sender of e-mails.
    public let mailFrom: String
    /// The node's name in e-mails (e.g. "ORP (orp-vs)").
    public let nodeName: String
    /// What the node is: it decides which account roles exist (``AccountRole/available(on:)``).
    public let nodeRole: NodeRole
    /// The password rules.
    public let policy = PasswordPolicy()
    /// The clock (injectable for tests).
    public let now: @Sendable () -> Date
    /// Where every password of a login is checked: Argon2id on threads of its own.
    public let hasher: PasswordHasher
    /// How a throttled login waits (injectable for tests; `Task.sleep` otherwise).
    let sleep: @Sendable (Duration) async -> Void
    let throttle: LoginThrottle
    let limiter: RateLimiter
    let tokens: TokenCache
    let logger: Logger

    /// Creates the access rules of a node.
    /// - Parameters:
    ///   - store: the access database.
    ///   - settings: the `[access]` settings.
    ///   - audit: where events go.
    ///   - mailer: how codes and digests are sent.
    ///   - mailFrom: the sender address.
    ///   - nodeName: how e-mails name the node.
    ///   - nodeRole: a dispositif node or the coordinator.
    ///   - now: the clock.
    ///   - hasher: the password-hashing threads (nil: `access.hash_threads` and `access.hash_queue` of `settings`).
    ///   - throttle: the delays per e-mail typed and per client address.
    ///   - sleep: how a throttled login waits.
    public init(
        store: AccessStore,
        settings: AccessSettings,
        audit: any AuditRecorder,
        mailer: (any Mailer)?,
        mailFrom: String = "ciid@localhost",
        nodeName: String,
        nodeRole: NodeRole = .dispositif,
        logger: Logger = Logger(label: "ciid.access"),
        now: @escaping @Sendable () -> Date = Date.init,
        hasher: PasswordHasher? = nil,
        throttle: (account: ThrottleRule, address: ThrottleRule) = (.account, .address),
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }
    ) {
        self.store = store
        self.settings = settings
        self.audit = audit
        self.mailer = mailer
        self.mailFrom = mailFrom
        self.nodeName = nodeName
        self.nodeRole = nodeRole
        self.logger = logger
        self.now = now
        self.hasher = hasher ?? PasswordHasher(threads: settings.hashThreads, queueLimit: settings.hashQueue)
        self.sleep = sleep
        self.throttle = LoginThrottle(store: store, accountRule: throttle.account, addressRule: throttle.address)
        self.limiter = RateLimiter()
        self.tokens = TokenCache(store: store)
    }

    func record(_ kind: AuditKind, actor: String, subject: String? = nil, outcome: String = "ok", _ details: [(String, String)] = []) {
        audit.record(AuditEvent(time: now(), kind: kind, actor: actor, subject: subject, outcome: outcome, detailList: details))
    }
}
