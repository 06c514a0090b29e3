public import CIICore
public import Foundation

/// When the weekly digest of powers of attorney goes to the bureau: from 07:00 Swiss time
/// (Europe/Zurich, like ``Day``) on one day of the week. A digest is known by its slot's day, so
/// that a node remembering the last one sent never sends a week's twice, and a node that was down
/// at the slot sends it when it starts again (until the next slot replaces it).
public struct DigestSchedule: Sendable, Hashable {
    /// The hour of the day (Swiss time) the digest goes from.
    public static let hour = 7

    /// The day of the week, ISO numbering: 1 Monday … 7 Sunday.
    public let weekday: Int

    /// A schedule on `weekday` (1 Monday … 7 Sunday; out of range is Monday).
    public init(weekday: Int) {
        self.weekday = (1...7).contains(weekday) ? weekday : 1
    }

    /// The ISO day of the week of `day`: 1 Monday … 7 Sunday.
    public static func weekday(of day: Day) -> Int {
        Int((Int64(day.daysSince1970) + 3) % 7 + 7) % 7 + 1
    }

    /// The day of the latest slot at or before `now`: the digest that is due once `now` has come.
    public func lastSlot(atOrBefore now: Date) -> Day {
        let today = Day(now)
        let back = (Self.weekday(of: today) - weekday + 7) % 7
        let candidate = today.adding(days: -back)
        return Self.start(of: candidate) <= now ? candidate : candidate.adding(days: -7)
    }

    /// The moment of the first slot after `now`.
    public func nextSlot(after now: Date) -> Date {
        Self.start(of: lastSlot(atOrBefore: now).adding(days: 7))
    }

    /// 07:00 Swiss time on `day`.
    public static func start(of day: Day) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.switzerland
        let (year, month, dayOfMonth) = day.components
        return calendar.date(from: DateComponents(year: year, month: month, day: dayOfMonth, hour: hour))
            ?? Date(
                timeIntervalSince1970: TimeInterval(day.daysSince1970) * 86_400 + TimeInterval(hour * 3600)
            )
    }
}
