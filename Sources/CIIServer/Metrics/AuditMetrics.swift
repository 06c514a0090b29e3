public import CIIAudit
public import Prometheus

/// The audit writer's metrics, in the node's registry: how far the audit log is behind, and
/// whether it can be written (reads answer 503 while it cannot).
public final class AuditMetrics: AuditObserver {
    /// Events waiting in memory to be written.
    let queued: Gauge
    /// 1 while the log takes writes, 0 while it cannot be written.
    let writable: Gauge
    /// Appends that failed.
    let writeFailures: Counter
    /// Events that are not reads, dropped because the queue was full.
    let dropped: Counter
    /// Reads refused (503) because their audit could not be written.
    let refusedReads: Counter

    /// Registers the metrics in `registry`, with the queue's bound.
    public init(registry: PrometheusCollectorRegistry, queueLimit: Int) {
        func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "ciid", subsystem: "audit", metricName: metric, unitName: unit, helpText: help)
        }
        queued = registry.makeGauge(descriptor: name("queue", "events", "Audit events waiting in memory to be written"))
        registry.makeGauge(descriptor: name("queue_limit", "events", "The most audit events that may wait in memory (audit_queue_limit)"))
            .set(to: Double(queueLimit))
        writable = registry.makeGauge(
            descriptor: name("writable", "", "1 while the audit log takes writes, 0 while it cannot be written (checks and reads answer 503)")
        )
        writeFailures = registry.makeCounter(
            descriptor: name("write_failures", "total", "Writes to the audit folder that failed (appends, and probes while it cannot be written)")
        )
        dropped = registry.makeCounter(
            descriptor: name("dropped_events", "total", "Audit events other than reads dropped because the audit queue was full")
        )
        refusedReads = registry.makeCounter(
            descriptor: name("refused_reads", "total", "Checks and other reads refused (503) because their audit entry could not be written")
        )
        writable.set(to: 1.0)
    }

    /// Sets `ciid_audit_queue_events`.
    public func queueChanged(_ events: Int) { queued.set(to: Double(events)) }
    /// Sets `ciid_audit_writable`.
    public func writableChanged(_ writable: Bool) { self.writable.set(to: writable ? 1.0 : 0.0) }
    /// Counts in `ciid_audit_write_failures_total`.
    public func writeFailed() { writeFailures.increment() }
    /// Counts in `ciid_audit_dropped_events_total`.
    public func eventDropped() { dropped.increment() }
    /// Counts in `ciid_audit_refused_reads_total`.
    public func readRefused() { refusedReads.increment() }
}
