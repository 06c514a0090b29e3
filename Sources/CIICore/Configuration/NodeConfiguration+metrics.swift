extension NodeConfiguration {
    /// The keys of the `[metrics]` section.
    static let metricsKeys: Set<String> = ["metrics.allow", "metrics.token_file"]

    /// Reads ``MetricsSettings`` from `[metrics]`; a missing key keeps its default.
    static func metricsSettings(_ config: ConfigFile, file: String) throws(ConfigError) -> MetricsSettings {
        var metrics = MetricsSettings()
        if let value = config.values["metrics.allow"] {
            do {
                metrics.allow = try AddressRange.list(parsing: value.text)
            } catch {
                throw ConfigError(file: file, line: value.line, "metrics.allow: \(error.description); separate them with commas, or write `none`")
            }
        }
        if let value = config.values["metrics.token_file"] {
            guard !value.text.isEmpty else {
                throw ConfigError(
                    file: file,
                    line: value.line,
                    "metrics.token_file is the path of a file holding the token, such as keys/metrics.token"
                )
            }
            metrics.tokenFile = value.text
        }
        return metrics
    }

    /// The commented `[metrics]` section.
    var renderedMetrics: String {
        let allow = metrics.allow.isEmpty ? "none" : metrics.allow.map(\.description).joined(separator: ", ")
        return """
            [metrics]
            # Client addresses (or CIDR ranges, IPv4 and IPv6, separated by commas) that may read
            # GET /metrics without a token; `none` for no address. Others get 404. Behind a reverse
            # proxy on this machine every client comes from loopback: then write `none` and use a token.
            allow = \(allow)
            # A file (0600) holding a bearer token that opens /metrics from any address, for a
            # Prometheus elsewhere (`authorization: credentials_file:` in its scrape config).
            \(metrics.tokenFile.map { "token_file = \($0)" } ?? "# token_file = keys/metrics.token")
            """
    }
}
