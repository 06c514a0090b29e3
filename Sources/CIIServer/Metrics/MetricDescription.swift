/// How a metric made through swift-metrics appears in Prometheus: its name (with the unit and,
/// for a counter, `_total`) and its help text.
public struct MetricDescription: Sendable, Hashable {
    /// The Prometheus name, such as `http_server_request_duration_seconds`.
    public let name: String
    /// The `# HELP` text.
    public let help: String

    /// Creates a description.
    public init(name: String, help: String) {
        self.name = name
        self.help = help
    }
}
