/// One immutable state of the in-memory index: what every check reads until the writer
/// publishes the next one. Epoch indexes share their arrays with the previous state when a
/// change does not touch them (copy on write).
final class ReplicaSnapshot: Sendable {
    /// The index of each epoch held, newest first (one or two: a lookup scans them).
    let epochs: [(number: UInt32, index: EpochIndex)]
    /// The origin slots the entries point at.
    let origins: [IndexOrigin]
    /// The slot of each origin and dispositif code.
    let slots: [IndexOrigin: UInt16]
    /// What the own set and the retired epochs were when last read (see ``OwnSetMarker``).
    let marker: OwnSetMarker

    init(epochs: [(number: UInt32, index: EpochIndex)], origins: [IndexOrigin], slots: [IndexOrigin: UInt16], marker: OwnSetMarker) {
        self.epochs = epochs.sorted { $0.number > $1.number }
        self.origins = origins
        self.slots = slots
        self.marker = marker
    }

    /// The index of epoch `number`, if it holds any entry or own follow-up.
    @inline(__always)
    func epoch(_ number: UInt32) -> EpochIndex? {
        for epoch in epochs where epoch.number == number { return epoch.index }
        return nil
    }

    /// A copy with other epochs, origins or marker.
    func with(
        epochs: [(number: UInt32, index: EpochIndex)]? = nil,
        origins: [IndexOrigin]? = nil,
        slots: [IndexOrigin: UInt16]? = nil,
        marker: OwnSetMarker? = nil
    ) -> ReplicaSnapshot {
        ReplicaSnapshot(epochs: epochs ?? self.epochs, origins: origins ?? self.origins, slots: slots ?? self.slots, marker: marker ?? self.marker)
    }
}
