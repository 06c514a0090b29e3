/// The name and help text in Prometheus of every metric made through swift-metrics, by the
/// label it is made with: Hummingbird's HTTP metrics (`MetricsMiddleware`) and the federation's
/// (`FederationMetrics`). A label missing here still gets a valid name and a generic help text
/// (``DescribedMetricsFactory``).
public enum MetricCatalog {
    /// The descriptions by swift-metrics label.
    public static let descriptions: [String: MetricDescription] = [
        // Hummingbird's MetricsMiddleware.
        "hb.requests": .init(
            name: "http_server_requests_total",
            help: "HTTP requests answered on the caseworkers' port, by route, method and status code"
        ),
        "hb.request.errors": .init(
            name: "http_server_request_errors_total",
            help: "HTTP requests on the caseworkers' port that ended in an error, by route, method and status code"
        ),
        "http.server.request.duration": .init(
            name: "http_server_request_duration_seconds",
            help: "Time from a request's arrival to the end of its answer on the caseworkers' port, by route, method and status code"
        ),
        "http.server.active_requests": .init(
            name: "http_server_active_requests",
            help: "HTTP requests being answered on the caseworkers' port, by method"
        ),
        // The federation (CIIFederation's FederationMetrics).
        "ciid_federation_lag_changes": .init(
            name: "ciid_federation_lag_changes",
            help: "Changes of this node that the peer has not acknowledged yet, by peer"
        ),
        "ciid_federation_sent_sequence": .init(
            name: "ciid_federation_sent_sequence",
            help: "The last change-log sequence sent to the peer, by peer"
        ),
        "ciid_federation_acknowledged_sequence": .init(
            name: "ciid_federation_acknowledged_sequence",
            help: "The last change-log sequence the peer acknowledged, by peer"
        ),
        "ciid_federation_last_success_timestamp_seconds": .init(
            name: "ciid_federation_last_success_timestamp_seconds",
            help: "When a delivery to the peer last succeeded, in seconds since the Unix epoch, by peer"
        ),
        "ciid_federation_delivery_failures_total": .init(
            name: "ciid_federation_delivery_failures_total",
            help: "Deliveries to the peer that failed, by peer"
        ),
        "ciid_federation_received_bytes_total": .init(
            name: "ciid_federation_received_bytes_total",
            help: "Bytes of the applied batches received from each origin, as sealed on the wire"
        ),
        "ciid_federation_received_changes_total": .init(
            name: "ciid_federation_received_changes_total",
            help: "Changes carried by the applied batches received from each origin"
        ),
        "ciid_federation_sent_bytes_total": .init(
            name: "ciid_federation_sent_bytes_total",
            help: "Bytes of the request bodies this node sent to each peer (batches, pulls, digests, fetches), headers and TLS not counted"
        ),
        "ciid_federation_answer_bytes_total": .init(
            name: "ciid_federation_answer_bytes_total",
            help: "Bytes of the answer bodies each peer returned to this node's requests, headers and TLS not counted"
        ),
        "ciid_federation_manifest_fetches_total": .init(
            name: "ciid_federation_manifest_fetches_total",
            help: "Fetches of the coordinator's manifest by answer: full (the manifest was sent) or not_modified (the one held is current)"
        ),
        "ciid_federation_refused_batches_total": .init(
            name: "ciid_federation_refused_batches_total",
            help: "Batches refused, by reason"
        ),
        "ciid_federation_answers_total": .init(
            name: "ciid_federation_answers_total",
            help: "Pulls (changes) and digests answered to members, by kind and source (computed or cache)"
        ),
        "ciid_federation_resyncs_total": .init(
            name: "ciid_federation_resyncs_total",
            help: "Full resyncs of an origin after a digest found divergence, by origin"
        ),
        "ciid_federation_manifest_refusals_total": .init(
            name: "ciid_federation_manifest_refusals_total",
            help: "Manifests this node refused, by reason (older, bad signature, ...)"
        ),
    ]
}
