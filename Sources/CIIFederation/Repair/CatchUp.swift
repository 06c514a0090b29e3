import CIICore
public import CIIStore
import Curl
public import Logging
public import ServiceLifecycle

/// Pulls, when the node starts, every origin's changes since the replica's checkpoint, so that a
/// node back from an outage is current at once instead of waiting for each origin's retry.
/// Then it has nothing more to do: the origins push from there.
public struct CatchUp: Service {
    let state: FederationState
    let client: FederationClient
    let store: NodeStore
    let writer: StoreWriter?
    let logger: Logger

    /// Creates the service; batches are applied on `writer` when there is one.
    public init(client: FederationClient, store: NodeStore, writer: StoreWriter? = nil, logger: Logger) {
        self.state = client.state
        self.client = client
        self.store = store
        self.writer = writer
        self.logger = logger
    }

    /// Waits (bounded) for a manifest, pulls from each origin, and returns (the service group
    /// ignores its end: see ``ServeCommand``).
    public func run() async throws {
        for _ in 0..<100 where state.manifest == nil && !Task.isShuttingDownGracefully { await pause(.milliseconds(100)) }
        for member in state.manifest?.members ?? [] where member.role == .dispositif && member.id != state.node {
            do {
                let pulled = try await pull(from: member)
                if pulled > 0 { logger.info("caught up \(pulled) changes from \(member.id)") }
            } catch {
                logger.info("no catch-up from \(member.id) now (it pushes when it can): \(error)")
            }
        }
    }

    /// Pulls batches from `member` until it has nothing newer. Returns the number of changes applied.
    public func pull(from member: Manifest.Member) async throws -> Int {
        var applied = 0
        for _ in 0..<10_000 {
            guard let key = state.signingKey(of: member.id) else { return applied }
            let held = try store.checkpoint(of: member.id)
            let response = try await client.send("GET", "/federation/changes?after=\(held)", to: member)
            guard response.status == 200 else {
                throw FederationError(
                    .malformed,
                    "\(member.id) answered \(response.status): \(String(decoding: response.body.prefix(300), as: UTF8.self))"
                )
            }
            let batch = try BatchSeal.open(response.body, box: state.identity.box, node: state.node, signingKey: { $0 == member.id ? key : nil })
            // Applied even when empty: a batch that reaches the origin's end ends this node's first sync with it.
            let outcome = try await BatchReceiver(state: state, store: store, writer: writer).apply(batch)
            guard !batch.changes.isEmpty, case .applied = outcome else { return applied }
            applied += batch.changes.count
            // A full resend is not pulled further: the next pull would start it again; the origin pushes the rest.
            if batch.reset { return applied }
        }
        return applied
    }
}
