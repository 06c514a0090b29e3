import AsyncAlgorithms
public import CIICore
public import CIIStore
import Curl
public import Logging
public import ServiceLifecycle

/// Compares, every `interval`, what this node holds of each origin with the origin's own digest.
/// When the replica is at the origin's sequence but the sets differ, it forgets that origin:
/// the origin's next batch is answered "resend from 0", and everything arrives again. With the
/// node's ``StoreWriter`` (`ciid serve`), that reset runs on the writer's thread.
public struct DigestChecker: Service {
    let state: FederationState
    let client: FederationClient
    let store: NodeStore
    let writer: StoreWriter?
    let window: RetentionWindow
    let interval: Duration
    let logger: Logger

    /// Creates the checker.
    public init(client: FederationClient, store: NodeStore, writer: StoreWriter? = nil, window: RetentionWindow, interval: Duration, logger: Logger) {
        self.state = client.state
        self.client = client
        self.store = store
        self.writer = writer
        self.window = window
        self.interval = interval
        self.logger = logger
    }

    /// Checks every origin each `interval` until shutdown.
    public func run() async throws {
        for await _ in AsyncTimerSequence(interval: interval, clock: .continuous).cancelOnGracefulShutdown() {
            for member in state.manifest?.members ?? [] where member.role == .dispositif && member.id != state.node {
                do {
                    try await check(member)
                } catch {
                    logger.debug("digest of \(member.id) not compared: \(error)")
                }
            }
        }
    }

    /// Compares with one origin; returns true when a divergence was found and the origin forgotten.
    @discardableResult
    public func check(_ member: Manifest.Member) async throws -> Bool {
        guard let key = state.signingKey(of: member.id) else { return false }
        let response = try await client.send("GET", "/federation/digest", to: member, timeoutSeconds: 60)
        guard response.status == 200 else { throw FederationError(.malformed, "\(member.id) answered \(response.status) for its digest") }
        let message = try DigestMessage.open(response.body, box: state.identity.box, node: state.node, origin: member.id, originKey: key)
        let held = try store.replicaDigest(of: member.id.rawValue, since: Day(daysSince1970: message.since))
        guard held.sequence == message.sequence else { return false }  // changes in flight: compare next time
        guard held.digest != message.digest else { return false }
        logger.warning(
            "the replica of \(member.id) diverged (\(held.digest.count) entries held, \(message.digest.count) published at sequence \(message.sequence)): resyncing in full"
        )
        if let writer {
            try await writer.perform { [store] in try store.resetOrigin(member.id.rawValue) }
        } else {
            try store.resetOrigin(member.id.rawValue)
        }
        FederationMetrics.resync(origin: member.id)
        return true
    }
}
