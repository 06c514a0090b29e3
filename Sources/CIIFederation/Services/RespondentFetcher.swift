import AsyncAlgorithms
import CIICore
import Curl
public import Logging
public import ServiceLifecycle

/// Fetches the coordinator's signed respondent directory on its members-only port every
/// `interval` and keeps it in `book` when it verifies and is newer. Runs until shutdown; a
/// coordinator that is down, or has no directory yet, leaves the book as it is.
public struct RespondentFetcher: Service {
    let client: FederationClient
    let book: RespondentBook
    let interval: Duration
    let logger: Logger

    /// Creates the fetcher.
    public init(client: FederationClient, book: RespondentBook, interval: Duration, logger: Logger) {
        self.client = client
        self.book = book
        self.interval = interval
        self.logger = logger
    }

    /// Fetches until shutdown.
    public func run() async throws {
        await pause(.milliseconds(500))
        // A node that has just joined waits for its first manifest, which names the coordinator's federation port.
        while client.state.manifest?.member(client.state.anchor.id) == nil, !Task.isShuttingDownGracefully {
            await pause(.seconds(1))
        }
        await fetchOnce()
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() { await fetchOnce() }
    }

    /// One fetch; errors are logged, never thrown.
    public func fetchOnce() async {
        let state = client.state
        guard let coordinator = state.manifest?.member(state.anchor.id) else { return }
        do {
            let response = try await client.send("GET", "/federation/respondents", to: coordinator, timeoutSeconds: 20)
            switch response.status {
            case 200:
                if try book.accept(json: response.body) {
                    logger.info(
                        "accepted respondent directory version \(book.directory?.version ?? 0) with \(book.directory?.entries.count ?? 0) respondents"
                    )
                }
            case 404: logger.info("the coordinator publishes no respondent directory yet")
            default: logger.warning("the coordinator answered \(response.status) for the respondent directory")
            }
        } catch {
            logger.warning("cannot fetch the respondent directory: \(error)")
        }
    }
}
