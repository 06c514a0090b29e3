/// The settings of one node, read from `ciid.conf` in its data folder.
public struct NodeConfiguration: Sendable, Hashable {
    /// The node's role.
    public var role: NodeRole
    /// The node's name in the federation.
    public var id: NodeID
    /// The institution served (dispositif role only).
    public var dispositif: Dispositif?
    /// Host of the HTTPS server.
    public var listenHost: String
    /// Port of the HTTPS server.
    public var listenPort: Int
    /// Host of the federation's members-only HTTPS listener (`server.federation_listen`).
    public var federationListenHost: String
    /// Port of the federation's members-only HTTPS listener: by default the listen port + 1
    /// (0 when the listen port is 0: a free port).
    public var federationListenPort: Int
    /// The TLS certificate chain (PEM), relative to the data folder unless absolute.
    public var tlsCertificate: String
    /// The TLS private key (PEM), relative to the data folder unless absolute.
    public var tlsKey: String
    /// The window of alert checks.
    public var window: RetentionWindow
    /// The largest share of rejected rows, in percent, an import may have and still be applied.
    public var maximumRejectedPercent: Int
    /// Handshake and idle timeouts, and the connections one client address may hold.
    public var connections = ConnectionLimits()
    /// Federation timings.
    public var federation = FederationTimings()
    /// Logins, sessions and check limits.
    public var access = AccessSettings()
    /// `[registry]`: the MX-CII registry of the coordinator.
    public var registry = RegistrySettings()

    /// The settings of `[registry]`.
    public struct RegistrySettings: Sendable, Hashable {
        /// Years after a case is closed or cancelled before its personal data is deleted.
        public var retentionYears = 10
        /// The largest document a case may hold, in bytes (`registry.document_max_bytes`): 25 MiB.
        public var documentMaxBytes = 25 << 20
        /// The bureau's e-mail address for cancellations and the weekly digest of powers of
        /// attorney (`registry.bureau_email`); nil sends none.
        public var bureauEmail: String?
        /// The day of the weekly digest, ISO numbering: 1 Monday … 7 Sunday (`registry.digest_weekday`).
        public var digestWeekday = 1
        /// Creates the defaults.
        public init() {}
    }
    /// The mail relay for login codes and digests; nil when the node sends no mail.
    public var mail: MailSettings?
    /// Who may read `GET /metrics`.
    public var metrics = MetricsSettings()
    /// `[swissid]`: the coordinator's SwissID login for external coordinators; nil when not configured.
    public var swissID: SwissIDSettings?

    /// How often and how long the federation's background work runs.
    public struct FederationTimings: Sendable, Hashable {
        /// Days a retraction (tombstone) stays in the change log: the longest outage a peer may have
        /// and still catch up change by change; a peer away longer gets a full resend.
        public var tombstoneDays = 30
        /// Seconds between digest comparisons with each origin.
        public var digestIntervalSeconds = 300
        /// Seconds between retention sweeps and change-log compactions.
        public var maintenanceIntervalSeconds = 3600
        /// Seconds between empty batches to an idle peer.
        public var heartbeatSeconds = 5
        /// Days a manifest the coordinator signs stays valid (`federation.manifest_days`): it
        /// re-signs it when less than a third is left; a node holding an expired one warns.
        public var manifestDays = 30
        /// Seconds a signed federation request's time may be away from this node's clock, either way.
        public var clockDriftSeconds = 300
        /// Dispositif: seconds between fetches of the coordinator's respondent directory.
        public var respondentsSeconds = 600

        /// The defaults.
        public init() {}
    }

    /// The settings `ciid init` writes.
    public init(
        role: NodeRole,
        id: NodeID,
        dispositif: Dispositif?,
        listenHost: String = "127.0.0.1",
        listenPort: Int = 8443,
        federationListenHost: String? = nil,
        federationListenPort: Int? = nil,
        tlsCertificate: String = "tls/node.crt",
        tlsKey: String = "tls/node.key",
        window: RetentionWindow = .standard,
        maximumRejectedPercent: Int = 10
    ) {
        self.role = role
        self.id = id
        self.dispositif = dispositif
        self.listenHost = listenHost
        self.listenPort = listenPort
        self.federationListenHost = federationListenHost ?? listenHost
        self.federationListenPort = federationListenPort ?? Self.defaultFederationPort(listenPort: listenPort)
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
        self.window = window
        self.maximumRejectedPercent = maximumRejectedPercent
    }

    /// The federation listener's default port: the listen port + 1, or 0 (a free port) when the
    /// listen port is 0.
    public static func defaultFederationPort(listenPort: Int) -> Int { listenPort == 0 ? 0 : listenPort + 1 }
}
