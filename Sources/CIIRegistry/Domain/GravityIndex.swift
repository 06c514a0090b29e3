/// The gravity index of a case: 0 (no risk) to 6.5 (many risks), kept exactly in hundredths.
///
/// Encoded as a JSON number with at most two decimals (`2.25`).
public struct GravityIndex: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The highest index.
    public static let maximum = GravityIndex(hundredths: 650)

    /// The index times 100 (225 for 2.25).
    public let hundredths: Int

    /// Creates an index from hundredths.
    public init(hundredths: Int) { self.hundredths = hundredths }

    /// Creates an index from a decimal value, rounded to hundredths.
    public init(_ value: Double) { self.hundredths = Int((value * 100).rounded()) }

    /// The index as a decimal number.
    public var value: Double { Double(hundredths) / 100 }

    /// Whether it lies within 0…6.5.
    public var isInRange: Bool { (0...Self.maximum.hundredths).contains(hundredths) }

    /// `2.25`, `2.0`.
    public var description: String {
        let whole = hundredths / 100
        let rest = abs(hundredths % 100)
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        return rest == 0 ? "\(sign)\(whole).0" : rest % 10 == 0 ? "\(sign)\(whole).\(rest / 10)" : "\(sign)\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// Orders by value.
    public static func < (lhs: GravityIndex, rhs: GravityIndex) -> Bool { lhs.hundredths < rhs.hundredths }

    /// Decodes a number.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Double.self))
    }

    /// Encodes a number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
