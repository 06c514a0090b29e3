extension NodeConfiguration {
    /// `[swissid]`: read only when `issuer` is set; the others need it.
    static let swissIDKeys: [ConfigKey] = [
        ConfigKey(
            "swissid.issuer",
            kind: "an https:// address",
            help:
                "The OpenID provider external coordinators log in with (coordinator only), exactly as its discovery document names it: https://login.swissid.ch. Without it the login page offers no SwissID button.",
            example: "https://login.swissid.ch",
            read: { configuration, value, file throws(ConfigError) in
                guard value.text.hasPrefix("https://"), value.text.count > 8 else {
                    throw ConfigError(file: file, line: value.line, "swissid.issuer is an https:// address such as https://login.swissid.ch")
                }
                configuration.swissID = SwissIDSettings(issuer: value.text)
            },
            write: { $0.swissID?.issuer }
        ),
        swissIDText("swissid.client_id", \.clientID, kind: "a text", example: "cii-vs-mxcii", help: "The client id SwissID gave the coordinator."),
        swissIDText(
            "swissid.client_secret_file",
            \.clientSecretFile,
            kind: "a path",
            example: "keys/swissid.secret",
            help: "A file (mode 0600) holding the client secret SwissID gave the coordinator; never put the secret itself in this file."
        ),
        swissIDText(
            "swissid.redirect_url",
            \.redirectURL,
            kind: "an https:// address ending in /login/swissid/callback",
            example: "https://cii.vs.ch/login/swissid/callback",
            help: "The address SwissID sends the browser back to, registered with SwissID as the client's redirect URI.",
            problem: { text in
                text.hasPrefix("https://") && text.hasSuffix("/login/swissid/callback")
                    ? nil : "swissid.redirect_url is https://<the coordinator's address>/login/swissid/callback"
            }
        ),
        swissIDText(
            "swissid.assurance_claim",
            \.assuranceClaim,
            kind: "a claim name",
            example: "acr",
            help: "The ID-token claim that states how verified the identity is (`acr` in OpenID Connect).",
            problem: { $0.isEmpty || $0.contains(where: \.isWhitespace) ? "swissid.assurance_claim is one claim name, such as acr" : nil }
        ),
        ConfigKey(
            "swissid.assurance_levels",
            kind: "values separated by spaces",
            help:
                "The values of the assurance claim that count as a verified identity, as the SwissID contract names them; the first is asked for (`acr_values`). A login with any other value, or none, is refused.",
            example: "loa-3",
            read: { configuration, value, file throws(ConfigError) in
                _ = try swissIDSection(configuration, value, file)
                let levels = value.text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                guard !levels.isEmpty else {
                    throw ConfigError(file: file, line: value.line, "swissid.assurance_levels needs at least one value, such as loa-3")
                }
                configuration.swissID?.assuranceLevels = levels
            },
            write: { $0.swissID.map { $0.assuranceLevels.joined(separator: " ") } }
        ),
        ConfigKey(
            "swissid.token_auth",
            kind: "`client_secret_basic` or `client_secret_post`",
            help: "How the coordinator authenticates at the token endpoint, as registered with SwissID.",
            example: "client_secret_basic",
            read: { configuration, value, file throws(ConfigError) in
                _ = try swissIDSection(configuration, value, file)
                guard let chosen = SwissIDSettings.TokenAuthentication(rawValue: value.text) else {
                    throw ConfigError(
                        file: file,
                        line: value.line,
                        "swissid.token_auth is client_secret_basic or client_secret_post, not `\(value.text)`"
                    )
                }
                configuration.swissID?.tokenAuthentication = chosen
            },
            write: { $0.swissID?.tokenAuthentication.rawValue }
        ),
        ConfigKey(
            "swissid.provider_ca_file",
            kind: "a path",
            help:
                "For tests and private PKI only: a CA bundle (PEM) the provider's certificate must chain to instead of the system's CAs. Leave unset for SwissID.",
            example: "/etc/ciid/test-provider-ca.pem",
            read: { configuration, value, file throws(ConfigError) in
                _ = try swissIDSection(configuration, value, file)
                configuration.swissID?.caFile = value.text
            },
            write: { $0.swissID?.caFile }
        ),
    ]

    /// A text key of `[swissid]`, checked by `problem`.
    static func swissIDText(
        _ name: String,
        _ path: any WritableKeyPath<SwissIDSettings, String> & Sendable,
        kind: String,
        example: String,
        help: String,
        problem: (@Sendable (String) -> String?)? = nil
    ) -> ConfigKey {
        ConfigKey(
            name,
            kind: kind,
            help: help,
            example: example,
            read: { configuration, value, file throws(ConfigError) in
                _ = try swissIDSection(configuration, value, file)
                if let reason = problem?(value.text) { throw ConfigError(file: file, line: value.line, reason) }
                configuration.swissID?[keyPath: path] = value.text
            },
            write: { $0.swissID?[keyPath: path] }
        )
    }

    /// The `[swissid]` settings a key needs, or the error saying `issuer` is missing.
    static func swissIDSection(_ configuration: NodeConfiguration, _ value: ConfigFile.Value, _ file: String) throws(ConfigError) -> SwissIDSettings {
        guard let settings = configuration.swissID else {
            throw ConfigError(file: file, line: value.line, "[swissid] needs `issuer` (the provider's https:// address)")
        }
        return settings
    }

    /// The rules of `[swissid]` that involve several keys.
    func validateSwissID(_ config: ConfigFile, file: String) throws(ConfigError) {
        guard let swissID else { return }
        let line = config.values["swissid.issuer"]?.line
        guard role == .coordinator else {
            throw ConfigError(file: file, line: line, "[swissid] is for the coordinator's pages only: remove it from a dispositif node")
        }
        for (key, missing) in [
            ("client_id", swissID.clientID.isEmpty), ("client_secret_file", swissID.clientSecretFile.isEmpty),
            ("redirect_url", swissID.redirectURL.isEmpty), ("assurance_levels", swissID.assuranceLevels.isEmpty),
        ] where missing {
            throw ConfigError(file: file, line: line, "[swissid] needs `\(key)`")
        }
    }
}
