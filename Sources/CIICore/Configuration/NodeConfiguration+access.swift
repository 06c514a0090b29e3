extension NodeConfiguration {
    /// The keys of the `[access]` and `[mail]` sections (with the lock-out keys of old files, refused with a reason).
    static let accessKeys: Set<String> = [
        "access.inactivity_days", "access.hash_threads", "access.hash_queue", "access.session_idle_minutes",
        "access.session_absolute_hours", "access.code_minutes", "access.checks_per_minute", "access.checks_per_day",
        "access.token_checks_per_minute", "access.token_checks_per_day", "access.digest_hour", "access.audit_retention_days",
        "access.public_url", "access.lockout_failures", "access.lockout_minutes", "mail.relay", "mail.security", "mail.from", "mail.username",
        "mail.password_file", "mail.ca_file",
    ]

    static func accessSettings(_ config: ConfigFile, file: String) throws(ConfigError) -> AccessSettings {
        var access = AccessSettings()
        for gone in ["access.lockout_failures", "access.lockout_minutes"] {
            if let value = config.values[gone] {
                throw ConfigError(
                    file: file,
                    line: value.line,
                    "\(gone) is gone: accounts are no longer locked, failed logins are slowed down instead; remove the line"
                )
            }
        }
        func number(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
            try integer(config.values["access.\(key)"], default: fallback, range: range, name: "access.\(key)", file: file)
        }
        access.inactivityDays = try number("inactivity_days", access.inactivityDays, 1...3650)
        if let value = config.values["access.hash_threads"], value.text != "auto" {
            access.hashThreads = try integer(value, default: 1, range: 1...256, name: "access.hash_threads (or `auto`)", file: file)
        }
        access.hashQueue = try number("hash_queue", access.hashQueue, 0...10_000)
        access.sessionIdleMinutes = try number("session_idle_minutes", access.sessionIdleMinutes, 1...1440)
        access.sessionAbsoluteHours = try number("session_absolute_hours", access.sessionAbsoluteHours, 1...168)
        access.codeMinutes = try number("code_minutes", access.codeMinutes, 1...60)
        access.checksPerMinute = try number("checks_per_minute", access.checksPerMinute, 1...100_000)
        access.checksPerDay = try number("checks_per_day", access.checksPerDay, 1...10_000_000)
        access.tokenChecksPerMinute = try number("token_checks_per_minute", access.tokenChecksPerMinute, 1...10_000_000)
        access.tokenChecksPerDay = try number("token_checks_per_day", access.tokenChecksPerDay, 1...1_000_000_000)
        access.auditRetentionDays = try number("audit_retention_days", access.auditRetentionDays, 365...36_500)
        if let value = config.values["access.digest_hour"] {
            if value.text == "off" {
                access.digestHour = nil
            } else {
                access.digestHour = try integer(value, default: 7, range: 0...23, name: "access.digest_hour (or `off`)", file: file)
            }
        }
        if let value = config.values["access.public_url"] {
            guard value.text.hasPrefix("https://"), value.text.count > 8 else {
                throw ConfigError(
                    file: file,
                    line: value.line,
                    "access.public_url is the https:// address caseworkers use, such as https://ciid.orp.vs.ch"
                )
            }
            access.publicURL = value.text.hasSuffix("/") ? String(value.text.dropLast()) : value.text
        }
        return access
    }

    static func mailSettings(_ config: ConfigFile, file: String) throws(ConfigError) -> MailSettings? {
        guard let relay = config.values["mail.relay"] else {
            if let stray = config.values.first(where: { $0.key.hasPrefix("mail.") }) {
                throw ConfigError(file: file, line: stray.value.line, "[mail] needs `relay` (smtp://host:port or smtps://host:port)")
            }
            return nil
        }
        let text = relay.text
        guard text.hasPrefix("smtp://") || text.hasPrefix("smtps://"), text.split(separator: "/").count >= 2 else {
            throw ConfigError(file: file, line: relay.line, "mail.relay is smtp://host:port or smtps://host:port, not `\(text)`")
        }
        var security: MailSettings.Security = text.hasPrefix("smtps://") ? .tls : .starttls
        if let value = config.values["mail.security"] {
            guard let chosen = MailSettings.Security(rawValue: value.text) else {
                throw ConfigError(file: file, line: value.line, "mail.security is `starttls`, `tls` or `none`, not `\(value.text)`")
            }
            if chosen == .tls, !text.hasPrefix("smtps://") {
                throw ConfigError(file: file, line: value.line, "mail.security = tls needs an smtps:// relay")
            }
            if chosen != .tls, text.hasPrefix("smtps://") {
                throw ConfigError(file: file, line: value.line, "an smtps:// relay always uses TLS: set mail.security = tls")
            }
            if chosen == .none {
                let host = text.dropFirst("smtp://".count).split(separator: ":").first.map(String.init) ?? ""
                guard host == "127.0.0.1" || host == "localhost" || host == "[::1]" else {
                    throw ConfigError(file: file, line: value.line, "mail.security = none is allowed only for a relay on this machine (127.0.0.1)")
                }
            }
            security = chosen
        }
        guard let from = config.values["mail.from"] else {
            throw ConfigError(file: file, line: relay.line, "[mail] needs `from`, the sender address of login codes")
        }
        guard from.text.split(separator: "@").count == 2, !from.text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else {
            throw ConfigError(file: file, line: from.line, "mail.from is one e-mail address such as ciid@orp.vs.ch")
        }
        if config.values["mail.password_file"] != nil, config.values["mail.username"] == nil {
            throw ConfigError(file: file, line: config.values["mail.password_file"]!.line, "mail.password_file needs mail.username")
        }
        return MailSettings(
            relay: text,
            security: security,
            from: from.text,
            username: config.values["mail.username"]?.text,
            passwordFile: config.values["mail.password_file"]?.text,
            caFile: config.values["mail.ca_file"]?.text
        )
    }

    var renderedAccess: String {
        let mailLines: String
        if let mail {
            mailLines = """
                relay = \(mail.relay)
                security = \(mail.security.rawValue)
                from = \(mail.from)
                \(mail.username.map { "username = \($0)" } ?? "# username = ciid-orp")
                \(mail.passwordFile.map { "password_file = \($0)" } ?? "# password_file = keys/smtp.password")
                \(mail.caFile.map { "ca_file = \($0)" } ?? "# ca_file = /etc/ssl/certs/institution-ca.pem")
                """
        } else {
            mailLines = """
                # relay = smtp://smtp.vs.ch:587
                # security = starttls
                # from = ciid@orp.vs.ch
                # username = ciid-orp
                # password_file = keys/smtp.password
                """
        }
        return """
            [access]
            # Days without a login after which an account is disabled (four months); the admin renews it.
            inactivity_days = \(access.inactivityDays)
            # Threads that hash passwords at login (Argon2id, about 0.1 s each), apart from those
            # answering checks: `auto` is one fewer than the cores, at least one. Logins beyond
            # `hash_queue` waiting ones are answered 503 with Retry-After.
            hash_threads = \(access.hashThreads.map(String.init) ?? "auto")
            hash_queue = \(access.hashQueue)
            # A session ends after this many idle minutes, and after this many hours in any case.
            session_idle_minutes = \(access.sessionIdleMinutes)
            session_absolute_hours = \(access.sessionAbsoluteHours)
            # Minutes an e-mailed login code stays valid.
            code_minutes = \(access.codeMinutes)
            # Checks per caseworker account, per minute and per day: nobody can enumerate the replica.
            checks_per_minute = \(access.checksPerMinute)
            checks_per_day = \(access.checksPerDay)
            # The same for each API token of an integration.
            token_checks_per_minute = \(access.tokenChecksPerMinute)
            token_checks_per_day = \(access.tokenChecksPerDay)
            # Hour (0-23) of the daily e-mail saying how many alerts wait, or `off`.
            digest_hour = \(access.digestHour.map(String.init) ?? "off")
            # Days the audit log (DATA/audit/) keeps its entries; at least 365.
            audit_retention_days = \(access.auditRetentionDays)
            # The https:// address caseworkers use, for links in e-mails.
            \(access.publicURL.map { "public_url = \($0)" } ?? "# public_url = https://ciid.orp.vs.ch")

            [mail]
            # The SMTP relay that sends login codes: smtp://host:587 with STARTTLS (required), or
            # smtps://host:465. `security = none` is accepted only for a relay on this machine.
            \(mailLines)

            """
    }
}
