import CIIStore
import Synchronization

/// The last sequence of this node's change log, read from the store at most once per
/// `maximumAge` however many peer loops of the ``Publisher`` ask: an idle node with 29 peers reads
/// its store about as often as one with a single peer, instead of running a batch query per peer
/// every idle interval (the growth benchmark of issue 15 found those queries filling the 2 cores
/// of a 30-node federation with no change to send).
final class ChangeLogHead: Sendable {
    private let store: NodeStore
    private let maximumAge: Duration
    private let cached = Mutex<(sequence: Int64, readAt: ContinuousClock.Instant)?>(nil)

    /// Creates the reader of `store`'s change log head, which keeps a value for `maximumAge`.
    init(store: NodeStore, maximumAge: Duration) {
        self.store = store
        self.maximumAge = maximumAge
    }

    /// The change log's last sequence, as it was at most `maximumAge` ago: a change committed
    /// later (by `ciid import` in another process, say) shows within `maximumAge`.
    /// - Throws: the store's ``StoreError`` when it cannot be read.
    func current() throws(StoreError) -> Int64 {
        let now = ContinuousClock.now
        if let cached = cached.withLock({ $0 }), now - cached.readAt < maximumAge { return cached.sequence }
        let sequence = try store.lastSequence()
        cached.withLock { $0 = (sequence, now) }
        return sequence
    }
}
