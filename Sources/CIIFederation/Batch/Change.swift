public import CIICore

/// One change of an origin's published set, as it travels in a batch.
public struct Change: Sendable, Hashable {
    /// Upsert (followed, with a last follow-up day) or retraction.
    public enum Kind: UInt8, Sendable {
        /// The fingerprint is followed; `lastOn` is set.
        case upsert = 1
        /// The fingerprint is no longer followed.
        case retract = 2
    }

    /// What the change does.
    public var kind: Kind
    /// The epoch of the fingerprint.
    public var epoch: Epoch
    /// The fingerprint.
    public var fingerprint: Fingerprint
    /// The last follow-up day, for an upsert.
    public var lastOn: Day?

    /// Creates a change.
    public init(kind: Kind, epoch: Epoch, fingerprint: Fingerprint, lastOn: Day?) {
        self.kind = kind
        self.epoch = epoch
        self.fingerprint = fingerprint
        self.lastOn = lastOn
    }
}
