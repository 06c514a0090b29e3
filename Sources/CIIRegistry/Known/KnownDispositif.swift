public import CIICore

/// One dispositif whose published set holds a person, as the coordinator's replica answers:
/// the match of a dispositif's check, without the contacts.
public struct KnownDispositif: Sendable, Hashable {
    /// The dispositif.
    public var dispositif: Dispositif
    /// Its node.
    public var node: String
    /// Its last follow-up of the person, when the lookup gives it.
    public var lastFollowUp: Day?

    /// Creates a match.
    public init(dispositif: Dispositif, node: String, lastFollowUp: Day?) {
        self.dispositif = dispositif
        self.node = node
        self.lastFollowUp = lastFollowUp
    }
}
