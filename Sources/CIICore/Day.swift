public import Foundation
import Synchronization

/// A calendar day without time or zone, as follow-up dates are: stored as days since 1970-01-01.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let daysSince1970: Int32

    /// Creates a day from its count since 1970-01-01.
    public init(daysSince1970: Int32) {
        self.daysSince1970 = daysSince1970
    }

    /// Creates a day from year, month and day; `nil` when no such date exists (31.02, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, year: year) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.daysSince1970 = Int32(era * 146_097 + doe - 719_468)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSince1970) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day `years` calendar years earlier; 29 February becomes 28 February in a common year.
    public func minus(years: Int) -> Day {
        let (y, m, d) = components
        let year = y - years
        return Day(year: year, month: m, day: min(d, Day.length(ofMonth: m, year: year)))!
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day {
        Day(daysSince1970: daysSince1970 + Int32(count))
    }

    /// The day it is at `date` in `timeZone` (Europe/Zurich by default: the canton's calendar).
    public init(_ date: Date, timeZone: TimeZone = Day.switzerland) {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.daysSince1970 = Int32((seconds / 86_400).rounded(.down))
    }

    /// Today in Switzerland.
    public static func today() -> Day {
        let now = Date()
        let seconds = now.timeIntervalSince1970 + Double(switzerlandOffset(at: now))
        return Day(daysSince1970: Int32((seconds / 86_400).rounded(.down)))
    }

    /// Seconds east of UTC in Switzerland at `date`, looked up once per minute and cached: every
    /// check asks (today's date, the daily rate limit), and a time-zone lookup costs more than a check.
    public static func switzerlandOffset(at date: Date) -> Int {
        let minute = Int64((date.timeIntervalSince1970 / 60).rounded(.down))
        if let cached = offsetCache.withLock({ $0.minute == minute ? $0.offset : nil }) { return cached }
        let offset = switzerland.secondsFromGMT(for: date)
        offsetCache.withLock { $0 = (minute, offset) }
        return offset
    }

    /// The minute of the last look-up of Switzerland's offset from UTC, and that offset in seconds.
    private static let offsetCache = Mutex<(minute: Int64, offset: Int)>((.min, 0))

    /// The canton's time zone.
    public static let switzerland = TimeZone(identifier: "Europe/Zurich") ?? TimeZone(secondsFromGMT: 3600)!

    /// ISO 8601: `2025-04-17`.
    public var iso: String {
        let (y, m, d) = components
        return "\(Self.pad(y, 4))-\(Self.pad(m, 2))-\(Self.pad(d, 2))"
    }

    /// The Swiss written form: `17.04.2025`.
    public var swiss: String {
        let (y, m, d) = components
        return "\(Self.pad(d, 2)).\(Self.pad(m, 2)).\(Self.pad(y, 4))"
    }

    /// The month in Swiss form, `04.2025`: what an answer about another dispositif shows (the day
    /// of its last follow-up would say more than a caseworker needs).
    public var swissMonth: String {
        let (y, m, _) = components
        return "\(Self.pad(m, 2)).\(Self.pad(y, 4))"
    }

    /// ISO 8601.
    public var description: String { iso }

    /// Orders days in time.
    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }

    /// Decodes an ISO date string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date (yyyy-mm-dd or dd.mm.yyyy)")
        }
        self = day
    }

    /// Encodes as an ISO date string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
