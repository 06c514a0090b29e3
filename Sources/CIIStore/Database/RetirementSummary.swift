public import CIICore

/// What dropping a retired epoch removed from the node database.
public struct RetirementSummary: Sendable, Hashable {
    /// The retired epoch.
    public var epoch: Epoch
    /// Replica entries of peers under that epoch.
    public var replicaEntries: Int
    /// Own follow-ups still under that epoch: the node had not imported since the rotation.
    /// Its next import fingerprints them under the current key and publishes them again.
    public var ownFollowUps: Int
    /// Change-log entries of that epoch.
    public var changes: Int

    /// Creates a summary.
    public init(epoch: Epoch, replicaEntries: Int, ownFollowUps: Int, changes: Int) {
        self.epoch = epoch
        self.replicaEntries = replicaEntries
        self.ownFollowUps = ownFollowUps
        self.changes = changes
    }
}
