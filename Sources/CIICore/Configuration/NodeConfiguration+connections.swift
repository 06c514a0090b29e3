extension NodeConfiguration {
    /// The keys of ``ConnectionLimits`` in the `[server]` section.
    static let connectionKeys: Set<String> = [
        "server.handshake_timeout_seconds", "server.idle_timeout_seconds", "server.max_connections_per_address",
    ]

    /// Reads ``ConnectionLimits`` from `[server]`; a missing key keeps its default.
    static func connectionLimits(_ config: ConfigFile, file: String) throws(ConfigError) -> ConnectionLimits {
        var limits = ConnectionLimits()
        func number(_ key: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
            try integer(config.values["server.\(key)"], default: fallback, range: range, name: "server.\(key)", file: file)
        }
        limits.handshakeTimeoutSeconds = try number("handshake_timeout_seconds", limits.handshakeTimeoutSeconds, 1...300)
        limits.idleTimeoutSeconds = try number("idle_timeout_seconds", limits.idleTimeoutSeconds, 1...3600)
        limits.maximumPerAddress = try number("max_connections_per_address", limits.maximumPerAddress, 1...65_536)
        return limits
    }

    /// The commented lines of ``ConnectionLimits``, inside `[server]`.
    var renderedConnections: String {
        """
        # Seconds a client has to finish the TLS handshake once connected; then it is disconnected.
        handshake_timeout_seconds = \(connections.handshakeTimeoutSeconds)
        # Seconds a connection may stay silent (nothing read or written) before it is closed.
        idle_timeout_seconds = \(connections.idleTimeoutSeconds)
        # Connections one client address may hold at once; more are closed as soon as they open.
        # Keep it well below the open-file limit (LimitNOFILE in the systemd unit: 65536).
        max_connections_per_address = \(connections.maximumPerAddress)
        """
    }
}
