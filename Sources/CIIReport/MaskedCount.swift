/// A count of people from the federation's replica, hidden when under 5 so that no cell points at
/// a person: encoded as a JSON number, or as the string `"< 5"` when hidden.
public struct MaskedCount: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Counts under this are hidden.
    public static let threshold = 5
    /// What a hidden count shows, in every output.
    public static let hiddenText = "< 5"

    /// The count; nil when it was under ``threshold``.
    public let value: Int?

    /// Keeps `count`, or hides it when it is under 5.
    public init(_ count: Int) { value = count < Self.threshold ? nil : count }

    /// The count, or `< 5`.
    public var description: String { value.map(String.init) ?? Self.hiddenText }

    /// The share `self` makes of `whole`; nil when either is hidden or `whole` is 0.
    public func share(of whole: MaskedCount) -> Double? {
        guard let part = value, let whole = whole.value, whole > 0 else { return nil }
        return Double(part) / Double(whole)
    }

    /// Decodes a number or `"< 5"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            value = number < Self.threshold ? nil : number
        } else {
            let text = try container.decode(String.self)
            guard text == Self.hiddenText else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a count is a number or \"< 5\", not '\(text)'")
            }
            value = nil
        }
    }

    /// Encodes a number or `"< 5"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encode(Self.hiddenText) }
    }
}
