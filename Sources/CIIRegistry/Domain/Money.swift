/// An amount in Swiss francs, exact: a whole number of centimes, never a floating-point value.
///
/// ```swift
/// Money(parsing: "1'234.50")?.formatted // "1'234.50"
/// ```
/// Encoded in JSON as a string with two decimals (`"1234.50"`), so no client reads it as a float.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The amount in centimes.
    public let centimes: Int64

    /// Creates an amount from centimes.
    public init(centimes: Int64) { self.centimes = centimes }

    /// Zero francs.
    public static let zero = Money(centimes: 0)

    /// `1'234.50`: the Swiss written form with apostrophes between thousands.
    public var formatted: String { render(groupSeparator: "'") }

    /// `1234.50`: the plain form of CSV and JSON.
    public var plain: String { render(groupSeparator: nil) }

    /// `CHF 1'234.50`.
    public var description: String { "CHF \(formatted)" }

    /// Orders amounts.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.centimes < rhs.centimes }

    /// Adds two amounts.
    public static func + (lhs: Money, rhs: Money) -> Money { Money(centimes: lhs.centimes + rhs.centimes) }

    /// Decodes `"1234.50"` (or a form ``init(parsing:)`` accepts).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let money = Money(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an amount in francs (1234.50)")
        }
        self = money
    }

    /// Encodes `"1234.50"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(plain)
    }

    private func render(groupSeparator: Character?) -> String {
        let magnitude = centimes.magnitude
        let francs = String(magnitude / 100)
        let rest = magnitude % 100
        var grouped = ""
        for (index, digit) in francs.enumerated() {
            if let groupSeparator, index > 0, (francs.count - index) % 3 == 0 { grouped.append(groupSeparator) }
            grouped.append(digit)
        }
        return "\(centimes < 0 ? "-" : "")\(grouped).\(rest < 10 ? "0" : "")\(rest)"
    }
}
