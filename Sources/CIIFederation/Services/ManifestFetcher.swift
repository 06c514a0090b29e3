import AsyncAlgorithms
public import CIIStore
import Curl
public import Logging
public import ServiceLifecycle

/// Fetches the signed manifest from the coordinator every `interval` and accepts it when it is
/// newer and verifies (dropping from `store` the epochs it retired). Runs until the service group shuts down.
public struct ManifestFetcher: Service {
    let state: FederationState
    let store: NodeStore
    let interval: Duration
    let logger: Logger

    /// Creates the fetcher.
    public init(state: FederationState, store: NodeStore, interval: Duration = .seconds(2), logger: Logger) {
        self.state = state
        self.store = store
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
            let response = try await BlockingTransfer.perform(
                HTTPRequest(
                    url: "\(state.anchor.endpoint)/federation/manifest",
                    caFile: state.caFile(for: state.anchor.id),
                    timeoutSeconds: 10,
                    maximumResponseBytes: 8 << 20
                ),
                session: state.session(for: state.anchor.id)
            )
            FederationMetrics.exchanged(peer: state.anchor.id, sent: 0, answered: response.body.count)
            guard response.status == 200 else {
                logger.warning("the coordinator answered \(response.status) for the manifest")
                return
            }
            if try state.accept(json: response.body, store: store, logger: logger) {
                logger.info("accepted manifest version \(state.manifest?.version ?? 0) with \(state.manifest?.members.count ?? 0) members")
            }
        } catch {
            logger.warning("cannot fetch the manifest: \(error)")
        }
    }
}
