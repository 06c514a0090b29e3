public import CIICore
import Metrics

/// The federation's metrics, through swift-metrics (Prometheus in `ciid serve`).
enum FederationMetrics {
    /// `ciid_federation_lag_changes{peer}`: changes the peer has not acknowledged.
    static func lag(peer: NodeID, behind: Int64) {
        Gauge(label: "ciid_federation_lag_changes", dimensions: [("peer", peer.rawValue)]).record(behind)
    }

    /// `ciid_federation_delivery_failures_total{peer}`.
    static func failure(peer: NodeID) {
        Counter(label: "ciid_federation_delivery_failures_total", dimensions: [("peer", peer.rawValue)]).increment()
    }

    /// `ciid_federation_resyncs_total{origin}`: full resyncs after a digest found divergence.
    static func resync(origin: NodeID) {
        Counter(label: "ciid_federation_resyncs_total", dimensions: [("origin", origin.rawValue)]).increment()
    }
}
