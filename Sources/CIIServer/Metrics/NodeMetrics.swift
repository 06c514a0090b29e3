public import Prometheus

/// The node's own Prometheus metrics, kept in one registry that `GET /metrics` emits.
public final class NodeMetrics: Sendable {
    /// The registry (also given to swift-metrics in `ciid serve`, so HTTP metrics land here too).
    public let registry: PrometheusCollectorRegistry
    /// Checks answered with at least one other dispositif.
    public let checksKnown: Counter
    /// Checks answered with no other dispositif.
    public let checksUnknown: Counter
    /// Checks refused for a bad AVS number.
    public let checksInvalid: Counter
    /// Checks refused because the caller was not logged in or its token lacks the scope.
    public let checksForbidden: Counter
    /// Checks refused because the caller reached its rate limit.
    public let checksLimited: Counter
    /// Logins by outcome.
    public let loginsSucceeded: Counter
    /// Login steps refused (password, code, busy).
    public let loginsRefused: Counter
    /// Time to answer a check in-process (fingerprint, lookup, answer).
    public let checkDuration: DurationHistogram

    /// Registers the metrics in `registry`.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let checks = MetricNameDescriptor(
            namespace: "ciid",
            metricName: "checks",
            unitName: "total",
            helpText: "Alert checks answered, by outcome"
        )
        checksKnown = registry.makeCounter(descriptor: checks, labels: [("outcome", "known")])
        checksUnknown = registry.makeCounter(descriptor: checks, labels: [("outcome", "unknown")])
        checksInvalid = registry.makeCounter(descriptor: checks, labels: [("outcome", "invalid_avs")])
        checksForbidden = registry.makeCounter(descriptor: checks, labels: [("outcome", "forbidden")])
        checksLimited = registry.makeCounter(descriptor: checks, labels: [("outcome", "rate_limited")])
        let logins = MetricNameDescriptor(namespace: "ciid", metricName: "logins", unitName: "total", helpText: "Login steps, by outcome")
        loginsSucceeded = registry.makeCounter(descriptor: logins, labels: [("outcome", "ok")])
        loginsRefused = registry.makeCounter(descriptor: logins, labels: [("outcome", "refused")])
        checkDuration = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "ciid",
                metricName: "check_duration",
                unitName: "seconds",
                helpText: "Time to answer an alert check in-process, without HTTP"
            ),
            labels: [],
            buckets: [
                .microseconds(2), .microseconds(5), .microseconds(10), .microseconds(25), .microseconds(50), .microseconds(100),
                .milliseconds(1), .milliseconds(10),
            ]
        )
    }
}
