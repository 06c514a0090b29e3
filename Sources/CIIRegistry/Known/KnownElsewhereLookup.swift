public import CIICore

/// Which dispositifs know a person: on the coordinator, its replica of the members' sets read
/// with the federation's fingerprint keys, by the same rule as a dispositif's check (the window,
/// every epoch the node holds). The registry's domain sees only this protocol; the coordinator's
/// wiring implements it with the replica.
public protocol KnownElsewhereLookup: Sendable {
    /// The dispositifs whose sets hold `avs` inside the window ending on `today`, ordered by
    /// dispositif then node; empty when none does.
    /// - Throws: when the lookup cannot be made (no federation key yet, the replica unreadable).
    func dispositifs(knowing avs: AVSNumber, today: Day) async throws -> [KnownDispositif]
}
