/// The name of a node in the federation, such as `orp-vs`: 1 to 40 characters among
/// lowercase letters, digits and hyphens, starting with a letter.
public struct NodeID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The name.
    public let rawValue: String

    /// Validates a node name.
    /// - Throws: ``NodeIDError`` saying which rule failed.
    public init(_ text: String) throws(NodeIDError) {
        guard !text.isEmpty, text.utf8.count <= 40 else { throw NodeIDError(reason: "a node id has 1 to 40 characters") }
        guard let first = text.utf8.first, first >= 0x61, first <= 0x7A else {
            throw NodeIDError(reason: "a node id starts with a lowercase letter")
        }
        for c in text.utf8 where !((c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D) {
            throw NodeIDError(reason: "a node id holds only lowercase letters, digits and '-'")
        }
        self.rawValue = text
    }

    /// Orders by name.
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name.
    public var description: String { rawValue }

    /// Decodes and validates a name.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    /// Encodes the name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A node name that breaks a rule.
public struct NodeIDError: Error, Sendable, CustomStringConvertible {
    /// The rule that failed.
    public let reason: String
    /// The rule that failed.
    public var description: String { reason }
}
