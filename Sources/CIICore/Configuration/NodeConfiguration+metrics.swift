extension NodeConfiguration {
    /// `[metrics]`: who may read `GET /metrics`.
    static let metricsKeys: [ConfigKey] = [
        ConfigKey(
            "metrics.allow",
            kind: "addresses or CIDR ranges (IPv4, IPv6) separated by commas, or `none`",
            help:
                "Client addresses that may read GET /metrics without a token; `none` for no address. Others get 404. Behind a reverse proxy on this machine every client comes from loopback: then write `none` and use a token.",
            read: { configuration, value, file throws(ConfigError) in
                do throws(AddressRangeError) {
                    configuration.metrics.allow = try AddressRange.list(parsing: value.text)
                } catch {
                    throw ConfigError(file: file, line: value.line, "metrics.allow: \(error.description); separate them with commas, or write `none`")
                }
            },
            write: { $0.metrics.allow.isEmpty ? "none" : $0.metrics.allow.map(\.description).joined(separator: ", ") }
        ),
        .optionalText(
            "metrics.token_file",
            \.metrics.tokenFile,
            kind: "a path",
            example: "keys/metrics.token",
            help:
                "A file (0600) holding a bearer token that opens /metrics from any address, for a Prometheus elsewhere (`authorization: credentials_file:` in its scrape config).",
            problem: { $0.isEmpty ? "metrics.token_file is the path of a file holding the token, such as keys/metrics.token" : nil }
        ),
    ]
}
