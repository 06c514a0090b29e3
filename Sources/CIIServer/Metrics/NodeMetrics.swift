import CIICore
import CIIFederation
public import Prometheus

/// The node's own Prometheus metrics, kept in one registry that `GET /metrics` emits with the
/// process's (``ProcessMetrics``).
///
/// No metric tells an answer: a check is counted `answered` whether or not the person is known
/// elsewhere, so that whoever reads the metrics learns how many checks were made, never which hit.
public final class NodeMetrics: Sendable {
    /// The registry (also given to swift-metrics in `ciid serve`, through ``DescribedMetricsFactory``,
    /// so that HTTP and federation metrics land here too).
    public let registry: PrometheusCollectorRegistry
    /// Checks answered, known elsewhere or not.
    public let checksAnswered: Counter
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

    /// Registers the metrics in `registry`, with `ciid_build_info`.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let checks = MetricNameDescriptor(
            namespace: "ciid",
            metricName: "checks",
            unitName: "total",
            helpText: "Alert checks by outcome: answered (known elsewhere or not, never told apart), invalid_avs, forbidden, rate_limited"
        )
        checksAnswered = registry.makeCounter(descriptor: checks, labels: [("outcome", "answered")])
        checksInvalid = registry.makeCounter(descriptor: checks, labels: [("outcome", "invalid_avs")])
        checksForbidden = registry.makeCounter(descriptor: checks, labels: [("outcome", "forbidden")])
        checksLimited = registry.makeCounter(descriptor: checks, labels: [("outcome", "rate_limited")])
        let logins = MetricNameDescriptor(
            namespace: "ciid",
            metricName: "logins",
            unitName: "total",
            helpText: "Login steps on the caseworkers' pages, by outcome: ok or refused"
        )
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
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "ciid",
                metricName: "build",
                unitName: "info",
                helpText: "Always 1: the release of ciid and the federation wire version it speaks"
            ),
            labels: [("version", CIIVersion.current), ("wire_version", String(Batch.wireVersion))]
        ).set(to: 1)
    }

    /// Appends the metrics in Prometheus text format to `buffer`: the registry's, then the
    /// process's, read now.
    public func emit(into buffer: inout [UInt8]) {
        registry.emit(into: &buffer)
        ProcessMetrics.read()?.emit(into: &buffer)
    }
}
