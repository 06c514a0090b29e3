/// What the alerts page shows one account: its alerts and the overlaps found at a first sync.
public struct AlertListing: Sendable, Hashable {
    /// The overlap alerts, newest first.
    public var alerts: [InboxAlert]
    /// The overlaps already there at the first exchange with the other node, newest first.
    public var existing: [InboxAlert]
}
