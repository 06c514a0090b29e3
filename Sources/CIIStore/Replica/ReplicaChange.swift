public import CIICore

/// One change of a peer's set as the store applies it (the federation's `Change`, without wire concerns).
public struct ReplicaChange: Sendable, Hashable {
    /// The fingerprint.
    public var fingerprint: Fingerprint
    /// Its epoch.
    public var epoch: Epoch
    /// The last follow-up day for an upsert; nil for a retraction.
    public var lastOn: Day?

    /// Creates a change: an upsert when `lastOn` is set, a retraction otherwise.
    public init(fingerprint: Fingerprint, epoch: Epoch, lastOn: Day?) {
        self.fingerprint = fingerprint
        self.epoch = epoch
        self.lastOn = lastOn
    }
}
