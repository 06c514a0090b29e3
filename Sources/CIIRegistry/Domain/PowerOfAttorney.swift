public import CIICore

/// The CII power of attorney a document holds: from a start date, for a duration. The registry
/// computes the expiry date; nobody types it.
public struct PowerOfAttorney: Sendable, Hashable, Codable {
    /// How many days before expiry a power of attorney is flagged.
    public static let warningDays = 30

    /// The day it was signed (or starts).
    public var start: Day
    /// Its duration, in ``unit``.
    public var duration: Int
    /// The unit of ``duration``.
    public var unit: DurationUnit

    /// Creates a power of attorney.
    public init(start: Day, duration: Int, unit: DurationUnit) {
        self.start = start
        self.duration = duration
        self.unit = unit
    }

    /// The last day it is valid: start plus duration, a month end clamped to the end of the
    /// target month (31 January + 1 month = 28 or 29 February; 29 February + 1 year = 28 February).
    /// `nil` when the duration is out of range (see validation).
    public var expiry: Day? {
        guard duration >= 0, duration <= 36_600 else { return nil }
        switch unit {
        case .days:
            return start.adding(days: duration)
        case .months:
            return Self.adding(months: duration, to: start)
        case .years:
            return Self.adding(months: duration * 12, to: start)
        }
    }

    /// Expired, expiring within 30 days, or valid, on `day`.
    public func status(on day: Day) -> PowerOfAttorneyStatus {
        guard let expiry else { return .expired }
        if expiry < day { return .expired }
        return expiry.daysSince1970 - day.daysSince1970 <= Int32(Self.warningDays) ? .expiresSoon : .valid
    }

    static func adding(months: Int, to day: Day) -> Day? {
        let (year, month, dayOfMonth) = day.components
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        guard (1...9999).contains(newYear) else { return nil }
        var candidate = min(dayOfMonth, 31)
        while candidate > 28, Day(year: newYear, month: newMonth, day: candidate) == nil { candidate -= 1 }
        return Day(year: newYear, month: newMonth, day: candidate)
    }

    private enum CodingKeys: String, CodingKey { case start, duration, unit, expiry }

    /// Decodes start, duration and unit; a given expiry is ignored (it is computed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(Day.self, forKey: .start)
        duration = try container.decode(Int.self, forKey: .duration)
        unit = try container.decode(DurationUnit.self, forKey: .unit)
    }

    /// Encodes start, duration, unit and the computed expiry.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(duration, forKey: .duration)
        try container.encode(unit, forKey: .unit)
        try container.encodeIfPresent(expiry, forKey: .expiry)
    }
}
