extension NodeConfiguration {
    /// Every key the file may hold.
    static let knownKeys: Set<String> = Set(
        [
            "node.role", "node.id", "node.dispositif", "server.listen", "server.federation_listen", "server.tls_certificate", "server.tls_key",
            "check.window_years", "import.max_rejected_percent", "federation.tombstone_days", "federation.digest_interval_seconds",
            "federation.maintenance_interval_seconds", "federation.heartbeat_seconds", "federation.manifest_days",
            "federation.clock_drift_seconds",
        ] as [String]
    ).union(accessKeys).union(connectionKeys).union(metricsKeys)

    /// Reads the configuration from the text of `ciid.conf`.
    /// - Throws: ``ConfigError`` naming the file, the line and what is expected.
    public init(parsing text: String, file: String) throws(ConfigError) {
        let config = try ConfigFile(parsing: text, file: file)
        for (key, value) in config.values where !Self.knownKeys.contains(key) {
            throw ConfigError(file: file, line: value.line, "unknown setting `\(key)`; known: \(Self.knownKeys.sorted().joined(separator: ", "))")
        }
        func required(_ key: String) throws(ConfigError) -> ConfigFile.Value {
            guard let value = config.values[key] else { throw ConfigError(file: file, line: nil, "`\(key)` is missing") }
            return value
        }
        let roleValue = try required("node.role")
        guard let role = NodeRole(rawValue: roleValue.text) else {
            throw ConfigError(file: file, line: roleValue.line, "node.role is `dispositif` or `coordinator`, not `\(roleValue.text)`")
        }
        let idValue = try required("node.id")
        let id: NodeID
        do { id = try NodeID(idValue.text) } catch { throw ConfigError(file: file, line: idValue.line, "node.id: \(error.reason)") }
        var dispositif: Dispositif?
        if let value = config.values["node.dispositif"] {
            do { dispositif = try Dispositif(code: value.text) } catch { throw ConfigError(file: file, line: value.line, error.description) }
        }
        if role == .dispositif, dispositif == nil {
            throw ConfigError(file: file, line: nil, "a dispositif node needs `dispositif` in [node] (ORP, CMS, OAI, OSP, OASI or T1)")
        }
        let (host, port) = try Self.hostAndPort(
            config.values["server.listen"] ?? .init(text: "127.0.0.1:8443", line: 0),
            name: "server.listen",
            example: "127.0.0.1:8443",
            file: file
        )
        let federationListen = try config.values["server.federation_listen"].map { value throws(ConfigError) in
            try Self.hostAndPort(value, name: "server.federation_listen", example: "127.0.0.1:8444", file: file)
        }
        if federationListen == nil, Self.defaultFederationPort(listenPort: port) > 65535 {
            throw ConfigError(
                file: file,
                line: nil,
                "server.listen uses port \(port), so the federation listener cannot take the next one: set server.federation_listen (`host:port`)"
            )
        }
        if let federationListen, federationListen.port != 0, federationListen.port == port, federationListen.host == host {
            throw ConfigError(
                file: file,
                line: config.values["server.federation_listen"]?.line,
                "server.federation_listen must differ from server.listen (\(host):\(port)): the federation has a listener of its own; use another port"
            )
        }
        let years = try Self.integer(config.values["check.window_years"], default: 3, range: 1...50, name: "check.window_years", file: file)
        let rejected = try Self.integer(
            config.values["import.max_rejected_percent"],
            default: 10,
            range: 0...100,
            name: "import.max_rejected_percent",
            file: file
        )
        self.init(
            role: role,
            id: id,
            dispositif: dispositif,
            listenHost: host,
            listenPort: port,
            federationListenHost: federationListen?.host,
            federationListenPort: federationListen?.port,
            tlsCertificate: config.values["server.tls_certificate"]?.text ?? "tls/node.crt",
            tlsKey: config.values["server.tls_key"]?.text ?? "tls/node.key",
            window: RetentionWindow(years: years),
            maximumRejectedPercent: rejected
        )
        connections = try Self.connectionLimits(config, file: file)
        federation.tombstoneDays = try Self.integer(
            config.values["federation.tombstone_days"],
            default: 30,
            range: 1...3650,
            name: "federation.tombstone_days",
            file: file
        )
        federation.digestIntervalSeconds = try Self.integer(
            config.values["federation.digest_interval_seconds"],
            default: 300,
            range: 1...86_400,
            name: "federation.digest_interval_seconds",
            file: file
        )
        federation.maintenanceIntervalSeconds = try Self.integer(
            config.values["federation.maintenance_interval_seconds"],
            default: 3600,
            range: 1...86_400,
            name: "federation.maintenance_interval_seconds",
            file: file
        )
        federation.heartbeatSeconds = try Self.integer(
            config.values["federation.heartbeat_seconds"],
            default: 5,
            range: 1...3600,
            name: "federation.heartbeat_seconds",
            file: file
        )
        federation.manifestDays = try Self.integer(
            config.values["federation.manifest_days"],
            default: 30,
            range: 1...3650,
            name: "federation.manifest_days",
            file: file
        )
        federation.clockDriftSeconds = try Self.integer(
            config.values["federation.clock_drift_seconds"],
            default: 300,
            range: 5...3600,
            name: "federation.clock_drift_seconds",
            file: file
        )
        access = try Self.accessSettings(config, file: file)
        mail = try Self.mailSettings(config, file: file)
        metrics = try Self.metricsSettings(config, file: file)
    }

    /// Reads `host:port` (an IPv6 host in brackets), port 0 to 65535.
    static func hostAndPort(_ value: ConfigFile.Value, name: String, example: String, file: String) throws(ConfigError) -> (host: String, port: Int) {
        guard let colon = value.text.lastIndex(of: ":"), let port = Int(value.text[value.text.index(after: colon)...]), (0...65535).contains(port),
            colon != value.text.startIndex
        else {
            throw ConfigError(file: file, line: value.line, "\(name) is `host:port`, such as \(example), not `\(value.text)`")
        }
        var host = String(value.text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    static func integer(
        _ value: ConfigFile.Value?,
        default fallback: Int,
        range: ClosedRange<Int>,
        name: String,
        file: String
    ) throws(ConfigError) -> Int {
        guard let value else { return fallback }
        guard let number = Int(value.text), range.contains(number) else {
            throw ConfigError(
                file: file,
                line: value.line,
                "\(name) is a whole number from \(range.lowerBound) to \(range.upperBound), not `\(value.text)`"
            )
        }
        return number
    }

    /// The commented text of `ciid.conf` for these settings.
    public func rendered(createdOn day: Day) -> String {
        """
        # ciid node configuration, written by `ciid init` on \(day.iso).
        # Lines are `key = value`; text after `#` is a comment. Relative paths are relative to
        # the folder of this file (the node's data folder). Restart `ciid serve` after a change.

        [node]
        # What this node does: `dispositif` (one per institution) or `coordinator` (one per federation).
        role = \(role.rawValue)
        # The node's name in the federation: lowercase letters, digits and '-'. Do not change it
        # once the node has joined: peers know it by this name.
        id = \(id.rawValue)
        \(dispositif.map { "# The institution this node serves: ORP, CMS, OAI, OSP, OASI or T1.\ndispositif = \($0.rawValue)" } ?? "# A coordinator serves no dispositif.")

        [server]
        # Address and port of the HTTPS server: the caseworkers' pages, the check API, /healthz,
        # /metrics and the public manifest (on the coordinator).
        listen = \(Self.rendered(listenHost, listenPort))
        # Address and port of the federation's own HTTPS listener: only members reach it (a client
        # certificate and a signed request). Peers reach it at the federation endpoint of this
        # node's join request (`ciid join-request --federation-endpoint`).
        federation_listen = \(Self.rendered(federationListenHost, federationListenPort))
        # TLS certificate chain and private key (PEM). `ciid init` made a development pair;
        # replace them with ones from your institution's PKI or the federation CA.
        tls_certificate = \(tlsCertificate)
        tls_key = \(tlsKey)
        \(renderedConnections)

        [check]
        # How far back a follow-up counts for an alert check, in years (the CII rule: 3).
        window_years = \(window.years)

        [import]
        # Refuse an import when more than this share of its rows (percent) is rejected, so that a
        # broken export cannot retract the people on its bad rows. 0 refuses any rejected row.
        max_rejected_percent = \(maximumRejectedPercent)

        [federation]
        # Days a retraction stays in the change log: the longest outage a peer may have and still
        # catch up change by change. A peer away longer is sent everything again.
        tombstone_days = \(federation.tombstoneDays)
        # Seconds between comparisons of each origin's set with what this node holds of it.
        digest_interval_seconds = \(federation.digestIntervalSeconds)
        # Seconds between retention sweeps (entries older than the window) and change-log compactions.
        maintenance_interval_seconds = \(federation.maintenanceIntervalSeconds)
        # Seconds between empty batches to an idle peer (they reveal a peer that lost its state).
        heartbeat_seconds = \(federation.heartbeatSeconds)
        # Coordinator: days a signed manifest stays valid. It is signed again when less than a
        # third is left; a node holding an expired one says so loudly (log and `ciid status`).
        manifest_days = \(federation.manifestDays)
        # Seconds a peer's signed request may be signed away from this node's clock (either way):
        # older or later requests are refused. Keep the clocks synchronised (NTP).
        clock_drift_seconds = \(federation.clockDriftSeconds)

        \(renderedMetrics)

        \(renderedAccess)
        """
    }

    /// `host:port`, an IPv6 host in brackets.
    static func rendered(_ host: String, _ port: Int) -> String { "\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}
