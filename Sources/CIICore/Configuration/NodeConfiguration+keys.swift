extension NodeConfiguration {
    /// Every setting of `ciid.conf`, in the order the file is read, written and documented.
    public static let keys: [ConfigKey] =
        nodeKeys + serverKeys + dataKeys + federationKeys + metricsKeys + accessKeys + mailKeys + registryKeys + swissIDKeys

    static let registryKeys: [ConfigKey] = [
        .integer(
            "registry.retention_years",
            \.registry.retentionYears,
            1...100,
            help:
                "Coordinator: years after a case is closed or cancelled before a daily sweep deletes its personal data (case, history, documents, and the person when no case is left); `ciid registry retention --dry-run` lists what would go."
        ),
        .integer(
            "registry.document_max_bytes",
            \.registry.documentMaxBytes,
            1024...(1 << 30),
            help:
                "Coordinator: the largest document a case may hold, in bytes (26214400 = 25 MiB). A larger upload is refused (413) and nothing is kept; uploads are streamed to the encrypted vault, so memory does not grow with this limit."
        ),
        .optionalText(
            "registry.bureau_email",
            \.registry.bureauEmail,
            kind: "an e-mail address",
            example: "bureau.cii@admin.vs.ch",
            help:
                "Coordinator: the bureau CII's address. It gets an e-mail when a case is cancelled (case number, who, when; never the reason, a name or an AVS number) and the weekly digest of powers of attorney expired or expiring within 30 days, through the [mail] relay. Unset: no such mail (logged at start).",
            problem: { text in
                text.split(separator: "@").count == 2 && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
                    ? nil : "registry.bureau_email is one e-mail address such as bureau.cii@admin.vs.ch"
            }
        ),
        ConfigKey(
            "registry.digest_weekday",
            kind: "`monday` to `sunday`",
            help:
                "Coordinator: the day of the weekly digest of powers of attorney to registry.bureau_email. It goes from 07:00 Swiss time (Europe/Zurich) on that day, once a week; a node that was down then sends it when it starts again; a week without any expired or expiring power of attorney sends nothing.",
            read: { configuration, value, file throws(ConfigError) in
                guard let index = NodeConfiguration.weekdays.firstIndex(of: value.text.lowercased()) else {
                    throw ConfigError(file: file, line: value.line, "registry.digest_weekday is a day from monday to sunday, not `\(value.text)`")
                }
                configuration.registry.digestWeekday = index + 1
            },
            write: { NodeConfiguration.weekdays[$0.registry.digestWeekday - 1] }
        ),
    ]

    /// The days of the week, ISO order (Monday first), as `registry.digest_weekday` takes them.
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    static let nodeKeys: [ConfigKey] = [
        ConfigKey(
            "node.role",
            kind: "`dispositif` or `coordinator`",
            help: "What this node does: `dispositif` (one per institution) or `coordinator` (one per federation).",
            required: true,
            read: { configuration, value, file throws(ConfigError) in
                guard let role = NodeRole(rawValue: value.text) else {
                    throw ConfigError(file: file, line: value.line, "node.role is `dispositif` or `coordinator`, not `\(value.text)`")
                }
                configuration.role = role
            },
            write: { $0.role.rawValue }
        ),
        ConfigKey(
            "node.id",
            kind: "lowercase letters, digits and `-`",
            help: "The node's name in the federation. Do not change it once the node has joined: peers know it by this name.",
            required: true,
            read: { configuration, value, file throws(ConfigError) in
                do throws(NodeIDError) { configuration.id = try NodeID(value.text) } catch {
                    throw ConfigError(file: file, line: value.line, "node.id: \(error.reason)")
                }
            },
            write: { $0.id.rawValue }
        ),
        ConfigKey(
            "node.dispositif",
            kind: "ORP, CMS, OAI, OSP, OASI or T1",
            help: "The institution this node serves (a dispositif node only; a coordinator serves none).",
            example: "ORP",
            read: { configuration, value, file throws(ConfigError) in
                do throws(DispositifError) { configuration.dispositif = try Dispositif(code: value.text) } catch {
                    throw ConfigError(file: file, line: value.line, error.description)
                }
            },
            write: { $0.dispositif?.rawValue }
        ),
    ]

    static let serverKeys: [ConfigKey] = [
        ConfigKey(
            "server.listen",
            kind: "`host:port` (an IPv6 host in brackets)",
            help:
                "Address and port of the HTTPS server: the caseworkers' pages, the check API, /healthz, /metrics and the public manifest (on the coordinator).",
            read: { configuration, value, file throws(ConfigError) in
                let (host, port) = try hostAndPort(value, name: "server.listen", example: "127.0.0.1:8443", file: file)
                configuration.listenHost = host
                configuration.listenPort = port
                configuration.federationListenHost = host
                configuration.federationListenPort = defaultFederationPort(listenPort: port)
            },
            write: { rendered($0.listenHost, $0.listenPort) }
        ),
        ConfigKey(
            "server.federation_listen",
            kind: "`host:port`; by default the host of `listen` and its port + 1",
            help:
                "Address and port of the federation's own HTTPS listener: only members reach it (a client certificate and a signed request). Peers reach it at the federation endpoint of this node's join request (`ciid join-request --federation-endpoint`).",
            read: { configuration, value, file throws(ConfigError) in
                let (host, port) = try hostAndPort(value, name: "server.federation_listen", example: "127.0.0.1:8444", file: file)
                if port != 0, port == configuration.listenPort, host == configuration.listenHost {
                    throw ConfigError(
                        file: file,
                        line: value.line,
                        "server.federation_listen must differ from server.listen (\(host):\(port)): the federation has a listener of its own; use another port"
                    )
                }
                configuration.federationListenHost = host
                configuration.federationListenPort = port
            },
            write: { rendered($0.federationListenHost, $0.federationListenPort) }
        ),
        .text(
            "server.tls_certificate",
            \.tlsCertificate,
            kind: "a path",
            help:
                "TLS certificate chain (PEM). `ciid init` made a development pair; replace it with one from your institution's PKI or the federation CA."
        ),
        .text("server.tls_key", \.tlsKey, kind: "a path", help: "The TLS private key (PEM) of that certificate, mode 0600."),
        .integer(
            "server.handshake_timeout_seconds",
            \.connections.handshakeTimeoutSeconds,
            1...300,
            help: "Seconds a client has to finish the TLS handshake once connected; then it is disconnected."
        ),
        .integer(
            "server.idle_timeout_seconds",
            \.connections.idleTimeoutSeconds,
            1...3600,
            help: "Seconds a connection may stay silent (nothing read or written) before it is closed."
        ),
        .integer(
            "server.max_connections_per_address",
            \.connections.maximumPerAddress,
            1...65_536,
            help:
                "Connections one client address may hold at once; more are closed as soon as they open. Keep it well below the open-file limit (LimitNOFILE in the systemd unit: 65536)."
        ),
    ]

    static let dataKeys: [ConfigKey] = [
        ConfigKey(
            "check.window_years",
            kind: "a whole number from 1 to 50",
            help: "How far back a follow-up counts for an alert check, in years (the CII rule: 3).",
            read: { configuration, value, file throws(ConfigError) in
                configuration.window = RetentionWindow(
                    years: try ConfigKey.parseInteger(value, range: 1...50, name: "check.window_years", file: file)
                )
            },
            write: { "\($0.window.years)" }
        ),
        .integer(
            "import.max_rejected_percent",
            \.maximumRejectedPercent,
            0...100,
            help:
                "Refuse an import when more than this share of its rows (percent) is rejected, so that a broken export cannot retract the people on its bad rows. 0 refuses any rejected row."
        ),
    ]

    static let federationKeys: [ConfigKey] = [
        .integer(
            "federation.tombstone_days",
            \.federation.tombstoneDays,
            1...3650,
            help:
                "Days a retraction stays in the change log: the longest outage a peer may have and still catch up change by change. A peer away longer is sent everything again."
        ),
        .integer(
            "federation.digest_interval_seconds",
            \.federation.digestIntervalSeconds,
            1...86_400,
            help: "Seconds between comparisons of each origin's set with what this node holds of it."
        ),
        .integer(
            "federation.maintenance_interval_seconds",
            \.federation.maintenanceIntervalSeconds,
            1...86_400,
            help: "Seconds between retention sweeps (entries older than the window) and change-log compactions."
        ),
        .integer(
            "federation.heartbeat_seconds",
            \.federation.heartbeatSeconds,
            1...3600,
            help: "Seconds between empty batches to an idle peer (they reveal a peer that lost its state)."
        ),
        .integer(
            "federation.manifest_days",
            \.federation.manifestDays,
            1...3650,
            help:
                "Coordinator: days a signed manifest stays valid. It is signed again when less than a third is left; a node holding an expired one says so loudly (log and `ciid status`)."
        ),
        .integer(
            "federation.clock_drift_seconds",
            \.federation.clockDriftSeconds,
            5...3600,
            help:
                "Seconds a peer's signed request may be signed away from this node's clock (either way): older or later requests are refused. Keep the clocks synchronised (NTP)."
        ),
        .integer(
            "federation.respondents_seconds",
            \.federation.respondentsSeconds,
            1...86_400,
            help:
                "Dispositif: seconds between fetches of the coordinator's signed directory of CII respondents, whom check answers name as contacts."
        ),
    ]
}
