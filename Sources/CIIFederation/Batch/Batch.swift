public import CIICore

/// A run of consecutive changes of one origin's change log, addressed to one recipient.
///
/// The receiver applies a batch only on top of the checkpoint it names (`after`), so changes
/// arrive in order, once: `after` is the origin's sequence the recipient must already hold, and
/// `through` the sequence it holds once the batch is applied.
public struct Batch: Sendable, Hashable {
    /// The node whose changes these are.
    public var origin: NodeID
    /// Its dispositif.
    public var dispositif: Dispositif
    /// The node the batch is for.
    public var recipient: NodeID
    /// The sequence the recipient must hold before this batch (0 at the start).
    public var after: Int64
    /// The sequence the recipient holds after it.
    public var through: Int64
    /// The changes, oldest first.
    public var changes: [Change]
    /// Set on the first batch of a full resend (`after` is 0): the recipient first drops
    /// everything it holds of the origin. Sent when the recipient is further behind than the
    /// origin keeps retractions (tombstones), or after a digest found divergence.
    public var reset: Bool
    /// The reset generation of a reset batch: it only grows per origin, and a recipient applies a
    /// reset only with a generation above the last it applied from that origin, so a reset
    /// captured and replayed changes nothing. 0 on every batch that is not a reset.
    public var generation: UInt64
    /// Set when `through` was the origin's last sequence when the batch was built: the recipient
    /// then holds everything the origin had published (it ends a first sync, or a full resend).
    public var reachesEnd: Bool

    /// The largest number of changes a batch may carry.
    public static let maximumChanges = 5000

    /// Creates a batch.
    public init(
        origin: NodeID,
        dispositif: Dispositif,
        recipient: NodeID,
        after: Int64,
        through: Int64,
        changes: [Change],
        reset: Bool = false,
        generation: UInt64 = 0,
        reachesEnd: Bool = false
    ) {
        self.reset = reset
        self.generation = generation
        self.reachesEnd = reachesEnd
        self.origin = origin
        self.dispositif = dispositif
        self.recipient = recipient
        self.after = after
        self.through = through
        self.changes = changes
    }
}
