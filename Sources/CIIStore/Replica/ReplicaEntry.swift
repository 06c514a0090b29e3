public import CIICore

/// One fingerprint of a peer's published set, as this node holds it.
public struct ReplicaEntry: Sendable, Hashable {
    /// The node that published it.
    public var origin: NodeID
    /// The dispositif of that node.
    public var dispositif: Dispositif
    /// The fingerprint.
    public var fingerprint: Fingerprint
    /// Its epoch.
    public var epoch: Epoch
    /// The day of the last follow-up at the origin.
    public var lastOn: Day

    /// Creates an entry.
    public init(origin: NodeID, dispositif: Dispositif, fingerprint: Fingerprint, epoch: Epoch, lastOn: Day) {
        self.origin = origin
        self.dispositif = dispositif
        self.fingerprint = fingerprint
        self.epoch = epoch
        self.lastOn = lastOn
    }
}
