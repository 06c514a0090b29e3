extension NodeConfiguration {
    static let accessKeys: [ConfigKey] = [
        .integer(
            "access.inactivity_days",
            \.access.inactivityDays,
            1...3650,
            help: "Days without a login after which an account is disabled (four months); the admin renews it."
        ),
        ConfigKey(
            "access.hash_threads",
            kind: "a whole number from 1 to 256, or `auto`",
            help:
                "Threads that hash passwords at login (Argon2id, about 0.1 s each), apart from those answering checks: `auto` is one fewer than the cores, at least one.",
            read: { configuration, value, file throws(ConfigError) in
                configuration.access.hashThreads =
                    value.text == "auto"
                    ? nil : try ConfigKey.parseInteger(value, range: 1...256, name: "access.hash_threads (or `auto`)", file: file)
            },
            write: { $0.access.hashThreads.map(String.init) ?? "auto" }
        ),
        .integer(
            "access.hash_queue",
            \.access.hashQueue,
            0...10_000,
            help: "Logins that may wait for a hashing thread; beyond, a login is answered 503 with Retry-After."
        ),
        ConfigKey(
            "access.session_idle_minutes",
            kind: "a whole number from 1 to 1440, or `auto`",
            help:
                "A session ends after this many minutes without a request; each request starts them again. `auto`: 30 on a dispositif node, 600 (a working day) on the coordinator.",
            read: { configuration, value, file throws(ConfigError) in
                configuration.access.sessionIdleMinutes =
                    value.text == "auto"
                    ? nil : try ConfigKey.parseInteger(value, range: 1...1440, name: "access.session_idle_minutes (or `auto`)", file: file)
            },
            write: { $0.access.sessionIdleMinutes.map(String.init) ?? "auto" }
        ),
        .integer(
            "access.session_absolute_hours",
            \.access.sessionAbsoluteHours,
            1...168,
            help: "A session ends after this many hours in any case, however active (10: a working day)."
        ),
        .integer("access.code_minutes", \.access.codeMinutes, 1...60, help: "Minutes an e-mailed login code stays valid."),
        .integer(
            "access.checks_per_minute",
            \.access.checksPerMinute,
            1...100_000,
            help: "Checks per caseworker account and minute: nobody can enumerate the replica."
        ),
        .integer("access.checks_per_day", \.access.checksPerDay, 1...10_000_000, help: "Checks per caseworker account and day."),
        .integer(
            "access.token_checks_per_minute",
            \.access.tokenChecksPerMinute,
            1...10_000_000,
            help: "Checks per API token of an integration and minute."
        ),
        .integer("access.token_checks_per_day", \.access.tokenChecksPerDay, 1...1_000_000_000, help: "Checks per API token and day."),
        ConfigKey(
            "access.digest_hour",
            kind: "a whole number from 0 to 23, or `off`",
            help: "Hour (0-23, Swiss time) of the daily e-mail saying how many alerts wait, or `off`.",
            read: { configuration, value, file throws(ConfigError) in
                configuration.access.digestHour =
                    value.text == "off" ? nil : try ConfigKey.parseInteger(value, range: 0...23, name: "access.digest_hour (or `off`)", file: file)
            },
            write: { $0.access.digestHour.map(String.init) ?? "off" }
        ),
        .integer(
            "access.audit_retention_days",
            \.access.auditRetentionDays,
            365...36_500,
            help: "Days the audit log (DATA/audit/) keeps its entries; at least 365."
        ),
        .integer(
            "access.audit_queue_limit",
            \.access.auditQueueLimit,
            100...10_000_000,
            help:
                "Audit events that may wait in memory for the disk; when full (or the disk refuses writes), checks and other reads answer 503 rather than go unrecorded."
        ),
        .optionalText(
            "access.public_url",
            \.access.publicURL,
            kind: "an https:// address",
            example: "https://ciid.orp.vs.ch",
            help: "The https:// address caseworkers use, for links in e-mails.",
            problem: { text in
                text.hasPrefix("https://") && text.count > 8
                    ? nil : "access.public_url is the https:// address caseworkers use, such as https://ciid.orp.vs.ch"
            }
        ),
    ]

    /// `[mail]`: read only when `relay` is set; the others need it.
    static let mailKeys: [ConfigKey] = [
        ConfigKey(
            "mail.relay",
            kind: "smtp://host:port or smtps://host:port",
            help:
                "The SMTP relay that sends login codes and digests: smtp://host:587 with STARTTLS (required), or smtps://host:465. Without it the node sends no mail.",
            example: "smtp://smtp.vs.ch:587",
            read: { configuration, value, file throws(ConfigError) in
                let text = value.text
                guard text.hasPrefix("smtp://") || text.hasPrefix("smtps://"), text.split(separator: "/").count >= 2 else {
                    throw ConfigError(file: file, line: value.line, "mail.relay is smtp://host:port or smtps://host:port, not `\(text)`")
                }
                configuration.mail = MailSettings(relay: text, security: text.hasPrefix("smtps://") ? .tls : .starttls, from: "")
            },
            write: { $0.mail?.relay }
        ),
        ConfigKey(
            "mail.security",
            kind: "`starttls`, `tls` or `none`",
            help:
                "How the connection to the relay is protected: `starttls` for smtp://, `tls` for smtps://; `none` only for a relay on this machine.",
            example: "starttls",
            read: { configuration, value, file throws(ConfigError) in
                let relay = try mailRelay(configuration, value, file)
                guard let chosen = MailSettings.Security(rawValue: value.text) else {
                    throw ConfigError(file: file, line: value.line, "mail.security is `starttls`, `tls` or `none`, not `\(value.text)`")
                }
                if chosen == .tls, !relay.hasPrefix("smtps://") {
                    throw ConfigError(file: file, line: value.line, "mail.security = tls needs an smtps:// relay")
                }
                if chosen != .tls, relay.hasPrefix("smtps://") {
                    throw ConfigError(file: file, line: value.line, "an smtps:// relay always uses TLS: set mail.security = tls")
                }
                if chosen == .none {
                    let host = relay.dropFirst("smtp://".count).split(separator: ":").first.map(String.init) ?? ""
                    guard host == "127.0.0.1" || host == "localhost" || host == "[::1]" else {
                        throw ConfigError(
                            file: file,
                            line: value.line,
                            "mail.security = none is allowed only for a relay on this machine (127.0.0.1)"
                        )
                    }
                }
                configuration.mail?.security = chosen
            },
            write: { $0.mail?.security.rawValue }
        ),
        ConfigKey(
            "mail.from",
            kind: "an e-mail address",
            help: "The sender address of login codes and digests.",
            example: "ciid@orp.vs.ch",
            read: { configuration, value, file throws(ConfigError) in
                _ = try mailRelay(configuration, value, file)
                guard value.text.split(separator: "@").count == 2, !value.text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
                    throw ConfigError(file: file, line: value.line, "mail.from is one e-mail address such as ciid@orp.vs.ch")
                }
                configuration.mail?.from = value.text
            },
            write: { $0.mail?.from }
        ),
        ConfigKey(
            "mail.username",
            kind: "a text",
            help: "The user name for the relay, if it wants one.",
            example: "ciid-orp",
            read: { configuration, value, file throws(ConfigError) in
                _ = try mailRelay(configuration, value, file)
                configuration.mail?.username = value.text
            },
            write: { $0.mail?.username }
        ),
        ConfigKey(
            "mail.password_file",
            kind: "a path",
            help: "A file (mode 0600) holding the relay's password; needs `username`.",
            example: "keys/smtp.password",
            read: { configuration, value, file throws(ConfigError) in
                _ = try mailRelay(configuration, value, file)
                guard configuration.mail?.username != nil else {
                    throw ConfigError(file: file, line: value.line, "mail.password_file needs mail.username")
                }
                configuration.mail?.passwordFile = value.text
            },
            write: { $0.mail?.passwordFile }
        ),
        ConfigKey(
            "mail.ca_file",
            kind: "a path",
            help: "A CA bundle (PEM) to verify the relay's certificate, if not the system's.",
            example: "/etc/ssl/certs/institution-ca.pem",
            read: { configuration, value, file throws(ConfigError) in
                _ = try mailRelay(configuration, value, file)
                configuration.mail?.caFile = value.text
            },
            write: { $0.mail?.caFile }
        ),
    ]

    /// The relay a `[mail]` key needs, or the error saying it is missing.
    static func mailRelay(_ configuration: NodeConfiguration, _ value: ConfigFile.Value, _ file: String) throws(ConfigError) -> String {
        guard let relay = configuration.mail?.relay else {
            throw ConfigError(file: file, line: value.line, "[mail] needs `relay` (smtp://host:port or smtps://host:port)")
        }
        return relay
    }
}
