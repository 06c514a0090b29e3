public import Metrics
public import Prometheus

/// A swift-metrics backend writing into a Prometheus registry, like swift-prometheus's
/// `PrometheusMetricsFactory`, but giving every metric a help text and a name Prometheus's
/// conventions accept (`promtool check metrics`): the ``MetricCatalog`` entry of its label, or
/// else the label made valid, with `_total` on a counter and `_seconds` on a timer.
public struct DescribedMetricsFactory: MetricsFactory {
    /// Where the metrics go.
    public let registry: PrometheusCollectorRegistry
    /// Names and help texts by swift-metrics label.
    public let catalog: [String: MetricDescription]

    /// Buckets of the timers (HTTP request durations): 1 ms to 10 s.
    static let timerBuckets: [Duration] = [
        .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]
    /// Buckets of aggregated recorders (none is made today).
    static let valueBuckets: [Double] = [1, 5, 10, 50, 100, 500, 1000, 5000, 10000]

    /// A factory for `registry`, describing labels with `catalog`.
    public init(registry: PrometheusCollectorRegistry, catalog: [String: MetricDescription] = MetricCatalog.descriptions) {
        self.registry = registry
        self.catalog = catalog
    }

    /// What a metric is, for the suffix its name needs.
    enum Kind {
        case counter, gauge, timer, histogram
    }

    /// The name and help of the metric made with `label` as a `kind`.
    func describe(_ label: String, as kind: Kind) -> MetricDescription {
        let described = catalog[label]
        var name = Self.validName(described?.name ?? label)
        switch kind {
        case .counter where !name.hasSuffix("_total"): name += "_total"
        case .timer where !name.hasSuffix("_seconds"): name += "_seconds"
        default: break
        }
        return MetricDescription(name: name, help: described?.help ?? "Recorded through swift-metrics as \(label)")
    }

    /// `label` with every character Prometheus does not allow in a name made `_`.
    static func validName(_ label: String) -> String {
        var name = ""
        for (index, character) in label.unicodeScalars.enumerated() {
            switch character {
            case "a"..."z", "A"..."Z", "_", ":": name.unicodeScalars.append(character)
            case "0"..."9" where index > 0: name.unicodeScalars.append(character)
            default: name += "_"
            }
        }
        return name.isEmpty ? "unnamed" : name
    }

    /// A counter named by the catalog, `_total` at the end.
    public func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        let metric = describe(label, as: .counter)
        return registry.makeCounter(name: metric.name, labels: dimensions, help: metric.help)
    }

    /// A counter named by the catalog, `_total` at the end.
    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        let metric = describe(label, as: .counter)
        return registry.makeCounter(name: metric.name, labels: dimensions, help: metric.help)
    }

    /// A gauge, or a histogram when `aggregate`.
    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard aggregate else {
            let metric = describe(label, as: .gauge)
            return registry.makeGauge(name: metric.name, labels: dimensions, help: metric.help)
        }
        let metric = describe(label, as: .histogram)
        return registry.makeValueHistogram(name: metric.name, labels: dimensions, buckets: Self.valueBuckets, help: metric.help)
    }

    /// A gauge.
    public func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        let metric = describe(label, as: .gauge)
        return registry.makeGauge(name: metric.name, labels: dimensions, help: metric.help)
    }

    /// A histogram of durations in seconds, `_seconds` at the end.
    public func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        let metric = describe(label, as: .timer)
        return registry.makeDurationHistogram(name: metric.name, labels: dimensions, buckets: Self.timerBuckets, help: metric.help)
    }

    /// Removes the counter from the registry.
    public func destroyCounter(_ handler: any CounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    /// Removes the counter from the registry.
    public func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        if let counter = handler as? Prometheus.Counter { registry.unregisterCounter(counter) }
    }

    /// Removes the gauge or histogram from the registry.
    public func destroyRecorder(_ handler: any RecorderHandler) {
        switch handler {
        case let gauge as Prometheus.Gauge: registry.unregisterGauge(gauge)
        case let histogram as ValueHistogram: registry.unregisterValueHistogram(histogram)
        default: break
        }
    }

    /// Removes the gauge from the registry.
    public func destroyMeter(_ handler: any MeterHandler) {
        if let gauge = handler as? Prometheus.Gauge { registry.unregisterGauge(gauge) }
    }

    /// Removes the histogram from the registry.
    public func destroyTimer(_ handler: any TimerHandler) {
        if let histogram = handler as? DurationHistogram { registry.unregisterDurationHistogram(histogram) }
    }
}
