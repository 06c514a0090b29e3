import CIICore
public import CIIStore
import Curl
import Foundation
public import Logging
import Metrics
public import ServiceLifecycle

/// Pushes this node's change log to every peer of the manifest, in batches, until each peer
/// has acknowledged the last sequence. One loop per peer, so a peer that is down (retried with
/// back-off) never delays the others. The acknowledged sequence is stored, so a restart resumes
/// where it stopped. A peer that lacked nothing is looked at again only when the log's last
/// sequence moved (``ChangeLogHead``, shared by the loops) or its heartbeat is due.
public struct Publisher: Service {
    let state: FederationState
    let store: NodeStore
    let client: FederationClient
    let logger: Logger
    /// How often an idle peer loop looks for new changes.
    let idleInterval: Duration
    /// How often an idle peer gets an empty batch, so that a peer that lost what it held (a restore,
    /// a digest that found divergence) says so and is resent what it lacks.
    let heartbeatInterval: Duration
    /// The change log's last sequence, read once for all the peer loops.
    let head: ChangeLogHead

    /// Creates the publisher.
    public init(
        client: FederationClient,
        store: NodeStore,
        idleInterval: Duration = .milliseconds(100),
        heartbeatInterval: Duration = .seconds(5),
        logger: Logger
    ) {
        self.state = client.state
        self.client = client
        self.store = store
        self.idleInterval = idleInterval
        self.heartbeatInterval = heartbeatInterval
        self.head = ChangeLogHead(store: store, maximumAge: idleInterval / 4)
        self.logger = logger
    }

    /// Runs the per-peer loops until shutdown, starting loops for peers that join later.
    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            var running: Set<NodeID> = []
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                for peer in state.manifest?.members ?? [] where peer.id != state.node && !running.contains(peer.id) {
                    running.insert(peer.id)
                    group.addTask { await self.serve(peer.id) }
                }
                await pause(.milliseconds(500))
            }
            group.cancelAll()
        }
    }

    /// The loop of one peer: send what it lacks, wait, back off after failures.
    ///
    /// When a look found nothing to send, the peer held everything through the log's last
    /// sequence read just before; until that sequence moves or the heartbeat is due, it still
    /// lacks nothing (compaction and retired epochs remove entries without moving it, and a peer
    /// at the last sequence is never behind what compaction removed), so the loop only waits.
    func serve(_ peer: NodeID) async {
        var failures = 0
        var lastContact = ContinuousClock.now
        var resentSince: Int64 = 0  // the compaction mark when this peer's last full resend began
        var idleAt: Int64? = nil  // the log's last sequence when this peer last lacked nothing
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            guard let member = state.manifest?.member(peer), let boxKey = state.manifest?.boxKey(of: peer) else { return }  // removed
            do {
                let heartbeat = ContinuousClock.now - lastContact >= heartbeatInterval
                let last = try head.current()
                if !heartbeat, last == idleAt {
                    await pause(idleInterval)
                    continue
                }
                let sent = try await sendNext(to: member, boxKey: boxKey, heartbeat: heartbeat, resentSince: &resentSince)
                failures = 0
                if sent || heartbeat { lastContact = .now }
                idleAt = sent ? nil : last
                if !sent { await pause(idleInterval) }
            } catch {
                idleAt = nil
                failures += 1
                try? store.recordDelivery(peer: peer, acknowledged: nil, error: "\(error)")
                FederationMetrics.failure(peer: peer)
                if failures == 1 || failures % 20 == 0 { logger.warning("cannot deliver to \(peer): \(error)") }
                await pause(.milliseconds(min(200 << min(failures, 8), 30_000)))
            }
        }
    }

    /// Sends the next batch `peer` lacks, or an empty one when `heartbeat` is due. Returns false
    /// when it lacked nothing. A peer behind what compaction removed gets everything again, with a
    /// reset, once: `resentSince` keeps the compaction mark of that resend while it takes several batches.
    func sendNext(to member: Manifest.Member, boxKey: [UInt8], heartbeat: Bool, resentSince: inout Int64) async throws -> Bool {
        guard let dispositif = state.manifest?.member(state.node)?.dispositif else { return false }
        let acknowledged = try store.deliveries().first { $0.peer == member.id.rawValue }?.acknowledged ?? 0
        let compacted = try store.compactedThrough()
        let batch = try BatchBuilder.next(
            store: store,
            origin: state.node,
            dispositif: dispositif,
            recipient: member.id,
            held: acknowledged,
            resentSince: resentSince
        )
        // A run without changes can still move the peer: entries at the log's end were compacted or retired.
        let moves = batch.through > batch.after
        guard moves || heartbeat else { return false }
        let sealed = try BatchSeal.seal(batch, signer: state.identity.signing, recipientBoxKey: boxKey)
        let response = try await client.send("POST", "/federation/batches", to: member, body: sealed)
        let answer = try? JSONDecoder().decode(ReceiverAnswer.self, from: Data(response.body))
        // A restored node learns here the highest reset generation its peers hold, and goes above it.
        if let generation = answer?.generation, generation > 0 { try store.raiseResetGeneration(atLeast: generation) }
        switch (response.status, answer?.checkpoint) {
        case (409, _?) where answer?.staleReset == true:
            logger.notice(
                "\(member.id) already applied reset generation \(answer?.generation ?? 0) of this node (restored from a backup?): resending with a higher one"
            )
            return true
        case (200, let checkpoint?):
            if batch.reset { resentSince = compacted }
            try store.recordDelivery(peer: member.id, sent: batch.through, acknowledged: checkpoint, error: nil)
            FederationMetrics.delivered(peer: member.id, sent: batch.through, acknowledged: checkpoint, behind: try store.lastSequence() - checkpoint)
            return moves
        case (409, let expected?):
            logger.info("\(member.id) holds \(expected), resending from there")
            try store.recordDelivery(peer: member.id, acknowledged: expected, error: nil)
            return true
        default:
            throw FederationError(
                .malformed,
                "\(member.id) answered \(response.status): \(String(decoding: response.body.prefix(300), as: UTF8.self))"
            )
        }
    }
}

/// The receiver's answer: `{"checkpoint": n, "generation": g}` (200: applied or already held;
/// 409: gap, resend after n), with `"staleReset": true` on a 409 for a reset whose generation is
/// not above `g`, the last reset generation the receiver applied from the origin.
public struct ReceiverAnswer: Codable, Sendable {
    /// The origin's sequence the receiver holds.
    public var checkpoint: Int64?
    /// The last reset generation the receiver applied from the origin.
    public var generation: UInt64?
    /// Set when the batch was a reset at or below `generation`: it changed nothing.
    public var staleReset: Bool?

    /// Creates an answer.
    public init(checkpoint: Int64, generation: UInt64, staleReset: Bool = false) {
        self.checkpoint = checkpoint
        self.generation = generation
        self.staleReset = staleReset ? true : nil
    }

    /// The JSON text of the answer.
    public var json: String {
        "{\"checkpoint\":\(checkpoint ?? 0),\"generation\":\(generation ?? 0)\(staleReset == true ? ",\"staleReset\":true" : "")}"
    }
}
