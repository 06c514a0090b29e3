public import CIICore

/// An origin node and the dispositif its entries were published for: the index stores a 16-bit
/// slot per entry instead of the two strings.
public struct IndexOrigin: Sendable, Hashable {
    /// The origin node.
    public let node: String
    /// Its dispositif code as the replica holds it.
    public let code: String
    /// The dispositif; nil for a code this version does not know (the check skips such entries).
    public let dispositif: Dispositif?

    /// Creates an origin slot.
    public init(node: String, code: String) {
        self.node = node
        self.code = code
        self.dispositif = Dispositif(rawValue: code)
    }
}
