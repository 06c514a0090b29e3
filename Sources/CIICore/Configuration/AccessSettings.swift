/// How caseworkers log in and how much they may check: the `[access]` section of `ciid.conf`.
public struct AccessSettings: Sendable, Hashable {
    /// Days without a login after which an account is disabled (four months: 122).
    public var inactivityDays = 122
    /// Threads that hash passwords (Argon2id) apart from the server's; nil: one fewer than the cores, at least one.
    public var hashThreads: Int?
    /// Logins that may wait for a hashing thread; beyond, a login is answered 503 with `Retry-After`.
    public var hashQueue = 32
    /// Minutes without a request that end a session; nil: the node's default (``idleMinutes(on:)``).
    /// Every request moves the limit on: a session stays open while the person works.
    public var sessionIdleMinutes: Int?
    /// Hours after which a session ends whatever happens (a working day).
    public var sessionAbsoluteHours = 10
    /// Minutes an e-mailed login code stays valid.
    public var codeMinutes = 10
    /// Checks one account may make per minute.
    public var checksPerMinute = 20
    /// Checks one account may make per day.
    public var checksPerDay = 300
    /// Checks one API token may make per minute.
    public var tokenChecksPerMinute = 600
    /// Checks one API token may make per day.
    public var tokenChecksPerDay = 20_000
    /// Hour of the day (0–23, local time) when the alert digest e-mails go out; nil: never.
    public var digestHour: Int? = 7
    /// Days the audit log keeps its entries (at least 365).
    public var auditRetentionDays = 400
    /// Audit events that may wait in memory to be written; when full, reads answer 503.
    public var auditQueueLimit = 100_000
    /// The address caseworkers type to reach the node's pages, used in e-mails (e.g. https://ciid.orp.vs.ch:8443).
    public var publicURL: String?

    /// The defaults.
    public init() {}

    /// The idle limit, in minutes, of a session on a node of `role`: the configured one, else 30 on
    /// a dispositif node (checks from shared desks) and a working day, 600, on the coordinator,
    /// whose registry pages the bureau and the respondents work in all day (the MX-CII manual: the
    /// software never logs out by itself while in use); the absolute limit ends it in any case.
    public func idleMinutes(on role: NodeRole) -> Int {
        sessionIdleMinutes ?? (role == .coordinator ? 600 : 30)
    }
}

/// How the node sends e-mail (login codes, alert digests): the `[mail]` section of `ciid.conf`.
public struct MailSettings: Sendable, Hashable {
    /// How the connection to the relay is protected.
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// STARTTLS, required (`smtp://` URL).
        case starttls
        /// TLS from the first byte (`smtps://` URL).
        case tls
        /// None: only for a relay on loopback.
        case none
    }

    /// The relay, `smtp://host:port` or `smtps://host:port`.
    public var relay: String
    /// How the connection is protected.
    public var security: Security
    /// The sender address.
    public var from: String
    /// The user name for the relay, if it wants one.
    public var username: String?
    /// A file holding the relay's password (mode 0600), relative to the data folder unless absolute.
    public var passwordFile: String?
    /// A CA bundle to verify the relay's certificate, if not the system's.
    public var caFile: String?

    /// Creates the settings.
    public init(relay: String, security: Security, from: String, username: String? = nil, passwordFile: String? = nil, caFile: String? = nil) {
        self.relay = relay
        self.security = security
        self.from = from
        self.username = username
        self.passwordFile = passwordFile
        self.caFile = caFile
    }
}
