public import CIICore
import CIIStore
import Synchronization

/// What this node answers its peers' pulls and digest requests with, computed once per state of
/// its change log and sealed per caller.
///
/// A digest reads the whole published set and a pull reads up to a batch of the change log; both
/// are cached by the change log's last sequence (and the window's start, or the pull's start), so
/// members asking again cost a seal, not a scan. The caller is always the member that signed the
/// request: nobody can ask for what is sealed to another node.
public final class FederationAnswers: Sendable {
    let receiver: BatchReceiver
    let window: RetentionWindow
    private let digests = Mutex<DigestMessage?>(nil)
    private let runs = Mutex<[RunKey: Batch]>([:])

    struct RunKey: Hashable {
        var after: Int64
        var last: Int64
        var compacted: Int64
    }

    /// Creates the answers of the node that `receiver` serves.
    public init(receiver: BatchReceiver, window: RetentionWindow) {
        self.receiver = receiver
        self.window = window
    }

    /// The next batch of this node's changes after `after`, signed, sealed to `caller`.
    /// - Throws: ``FederationError`` `notAMember` when `caller` has no key in the manifest, or this
    ///   node publishes for no dispositif; ``StoreError`` when the database fails.
    public func changes(for caller: NodeID, after: Int64) throws -> [UInt8] {
        let state = receiver.state
        let store = receiver.store
        guard let boxKey = state.manifest?.boxKey(of: caller) else {
            throw FederationError(.notAMember, "\(caller) is not a member of the federation")
        }
        guard let dispositif = state.manifest?.member(state.node)?.dispositif else {
            throw FederationError(.notAMember, "this node publishes for no dispositif")
        }
        let key = RunKey(after: after, last: try store.lastSequence(), compacted: try store.compactedThrough())
        var batch: Batch
        if let cached = runs.withLock({ $0[key] }) {
            batch = cached
            FederationMetrics.answered("changes", cached: true)
        } else {
            FederationMetrics.answered("changes", cached: false)
            batch = try BatchBuilder.next(store: store, origin: state.node, dispositif: dispositif, recipient: caller, held: after)
            if !batch.reset {  // a reset takes a new generation each time: never cached
                runs.withLock { runs in
                    if runs.count >= 64 { runs.removeAll() }
                    runs[key] = batch
                }
            }
        }
        batch.recipient = caller
        return try BatchSeal.seal(batch, signer: state.identity.signing, recipientBoxKey: boxKey)
    }

    /// This node's digest of its published set inside the window, signed, sealed to `caller`.
    public func digest(for caller: NodeID, today: Day = Day.today()) throws -> [UInt8] {
        let state = receiver.state
        let store = receiver.store
        guard let boxKey = state.manifest?.boxKey(of: caller) else {
            throw FederationError(.notAMember, "\(caller) is not a member of the federation")
        }
        let since = window.cutoff(today: today)
        let last = try store.lastSequence()
        var message: DigestMessage
        if let cached = digests.withLock({ $0 }), cached.sequence == last, cached.since == since.daysSince1970 {
            message = cached
            FederationMetrics.answered("digest", cached: true)
        } else {
            FederationMetrics.answered("digest", cached: false)
            let (sequence, digest) = try store.ownDigest(since: since)
            message = DigestMessage(origin: state.node, recipient: caller, sequence: sequence, since: since, digest: digest)
            let computed = message
            digests.withLock { $0 = computed }
        }
        message.recipient = caller
        return try message.sealed(signer: state.identity.signing, recipientBoxKey: boxKey)
    }
}
