import AsyncAlgorithms
public import CIIStore
import Curl
public import Logging
public import ServiceLifecycle
import Synchronization

/// Fetches the signed manifest from the coordinator every `interval` and accepts it when it is
/// newer and verifies (dropping from `store` the epochs it retired). Runs until the service group shuts down.
///
/// Each fetch names the manifest it holds (`If-None-Match` with its ``ManifestTag``): while the
/// coordinator's manifest is the same, the answer is a `304` without a body. The tag is kept in
/// memory only, and only once the manifest it names is the one held: a restarted node, or one
/// whose last accept failed midway, fetches the whole manifest again and finishes the accept.
public final class ManifestFetcher: Service {
    let state: FederationState
    let store: NodeStore
    let writer: StoreWriter?
    let interval: Duration
    let logger: Logger
    /// The tag of the manifest held, once a fetch brought exactly it.
    private let heldTag = Mutex<String?>(nil)

    /// Creates the fetcher; a manifest that retires epochs drops their rows on `writer` when there is one.
    public init(state: FederationState, store: NodeStore, writer: StoreWriter? = nil, interval: Duration = .seconds(2), logger: Logger) {
        self.state = state
        self.store = store
        self.writer = writer
        self.interval = interval
        self.logger = logger
    }

    /// Fetches until shutdown.
    public func run() async throws {
        await pause(.milliseconds(300))  // let this node's own server start (the coordinator fetches from itself)
        await fetchOnce()
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() { await fetchOnce() }
    }

    /// One fetch; errors are logged, never thrown (the coordinator may be down for a while).
    public func fetchOnce() async {
        defer { state.warnIfExpired(logger: logger) }
        do {
            let tag = heldTag.withLock { $0 }
            let response = try await BlockingTransfer.perform(
                HTTPRequest(
                    url: "\(state.anchor.endpoint)/federation/manifest",
                    headers: tag.map { [("If-None-Match", $0)] } ?? [],
                    caFile: state.caFile(for: state.anchor.id),
                    timeoutSeconds: 10,
                    maximumResponseBytes: 8 << 20
                ),
                session: state.session(for: state.anchor.id)
            )
            FederationMetrics.exchanged(peer: state.anchor.id, sent: 0, answered: response.body.count)
            if response.status == 304, tag != nil {  // the manifest held is the coordinator's
                FederationMetrics.manifestFetched(modified: false)
                return
            }
            guard response.status == 200 else {
                logger.warning("the coordinator answered \(response.status) for the manifest")
                return
            }
            FederationMetrics.manifestFetched(modified: true)
            heldTag.withLock { $0 = nil }
            let body = response.body
            let accepted =
                if let writer {
                    try await writer.perform { [state, store, logger] in try state.accept(json: body, store: store, logger: logger) }
                } else {
                    try state.accept(json: body, store: store, logger: logger)
                }
            if accepted {
                logger.info("accepted manifest version \(state.manifest?.version ?? 0) with \(state.manifest?.members.count ?? 0) members")
            }
            if state.holds(json: response.body) { heldTag.withLock { $0 = ManifestTag.of(response.body) } }
        } catch {
            logger.warning("cannot fetch the manifest: \(error)")
        }
    }
}
