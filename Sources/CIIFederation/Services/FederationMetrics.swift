import CIICore
import Foundation
import Metrics

/// The federation's metrics, through swift-metrics (Prometheus in `ciid serve`).
enum FederationMetrics {
    /// After a delivery: `ciid_federation_lag_changes{peer}` (changes the peer has not acknowledged),
    /// `ciid_federation_sent_sequence{peer}`, `ciid_federation_acknowledged_sequence{peer}` and
    /// `ciid_federation_last_success_timestamp_seconds{peer}`.
    static func delivered(peer: NodeID, sent: Int64, acknowledged: Int64, behind: Int64) {
        let dimensions = [("peer", peer.rawValue)]
        Gauge(label: "ciid_federation_lag_changes", dimensions: dimensions).record(behind)
        Gauge(label: "ciid_federation_sent_sequence", dimensions: dimensions).record(sent)
        Gauge(label: "ciid_federation_acknowledged_sequence", dimensions: dimensions).record(acknowledged)
        Gauge(label: "ciid_federation_last_success_timestamp_seconds", dimensions: dimensions).record(Date().timeIntervalSince1970)
    }

    /// `ciid_federation_delivery_failures_total{peer}`.
    static func failure(peer: NodeID) {
        Counter(label: "ciid_federation_delivery_failures_total", dimensions: [("peer", peer.rawValue)]).increment()
    }

    /// `ciid_federation_received_bytes_total{origin}` and `ciid_federation_received_changes_total{origin}`:
    /// what applied batches weighed on the wire and carried.
    static func received(origin: NodeID, bytes: Int, changes: Int) {
        Counter(label: "ciid_federation_received_bytes_total", dimensions: [("origin", origin.rawValue)]).increment(by: Int64(bytes))
        Counter(label: "ciid_federation_received_changes_total", dimensions: [("origin", origin.rawValue)]).increment(by: Int64(changes))
    }

    /// `ciid_federation_sent_bytes_total{peer}` and `ciid_federation_answer_bytes_total{peer}`: the
    /// bodies of this node's requests to the peer (batches, pulls, digests, manifest and directory
    /// fetches) and of the peer's answers to them. The bodies only: HTTP headers and TLS are not counted.
    static func exchanged(peer: NodeID, sent: Int, answered: Int) {
        let dimensions = [("peer", peer.rawValue)]
        Counter(label: "ciid_federation_sent_bytes_total", dimensions: dimensions).increment(by: Int64(sent))
        Counter(label: "ciid_federation_answer_bytes_total", dimensions: dimensions).increment(by: Int64(answered))
    }

    /// `ciid_federation_manifest_fetches_total{answer}`: `full` or `not_modified`.
    static func manifestFetched(modified: Bool) {
        Counter(label: "ciid_federation_manifest_fetches_total", dimensions: [("answer", modified ? "full" : "not_modified")]).increment()
    }

    /// `ciid_federation_refused_batches_total{reason}`.
    static func refused(_ code: FederationError.Code) {
        Counter(label: "ciid_federation_refused_batches_total", dimensions: [("reason", code.rawValue)]).increment()
    }

    /// `ciid_federation_answers_total{kind, source}`: pulls (`changes`) and digests answered to
    /// members, `source` telling whether the answer was `computed` or taken from the `cache`.
    static func answered(_ kind: String, cached: Bool) {
        Counter(label: "ciid_federation_answers_total", dimensions: [("kind", kind), ("source", cached ? "cache" : "computed")]).increment()
    }

    /// `ciid_federation_resyncs_total{origin}`: full resyncs after a digest found divergence.
    static func resync(origin: NodeID) {
        Counter(label: "ciid_federation_resyncs_total", dimensions: [("origin", origin.rawValue)]).increment()
    }

    /// `ciid_federation_manifest_refusals_total{reason}`: manifests this node refused (older, bad signature, …).
    static func manifestRefused(_ reason: ManifestRefusal.Reason) {
        Counter(label: "ciid_federation_manifest_refusals_total", dimensions: [("reason", reason.rawValue)]).increment()
    }
}
