import Foundation

/// Times of the log: milliseconds since 1970 in UTC, written `2026-11-23T10:00:00.123Z`, and
/// months (`year * 12 + month - 1`) that name the monthly files. Done by hand (proleptic
/// Gregorian calendar), so writing a line costs no formatter and reading one cannot depend on a locale.
enum AuditTime {
    static let millisecondsPerDay: Int64 = 86_400_000
    /// 0001-01-01 and 9999-12-31 23:59:59.999: what four digits of year can hold.
    static let range: ClosedRange<Int64> = firstMillisecond...lastMillisecond
    static let firstMillisecond = days(year: 1, month: 1, day: 1) * millisecondsPerDay
    static let lastMillisecond = days(year: 10_000, month: 1, day: 1) * millisecondsPerDay - 1

    /// The milliseconds of `date`, rounded down, within ``range``.
    static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard value.isFinite else { return value < 0 ? range.lowerBound : range.upperBound }
        return Int64(max(Double(range.lowerBound), min(Double(range.upperBound), value)))
    }

    /// The date of `milliseconds`.
    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// Days since 1970-01-01 of a calendar date.
    static func days(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * Int64(month > 2 ? month - 3 : month + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day since 1970-01-01.
    static func civil(days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// The month (`year * 12 + month - 1`) of `milliseconds`.
    static func month(_ milliseconds: Int64) -> Int {
        let date = civil(days: floorDivide(milliseconds, millisecondsPerDay))
        return date.year * 12 + date.month - 1
    }

    /// The first millisecond of `month`.
    static func start(ofMonth month: Int) -> Int64 {
        days(year: month / 12, month: month % 12 + 1, day: 1) * millisecondsPerDay
    }

    /// Appends `2026-11-23T10:00:00.123Z` to `out`.
    static func format(_ milliseconds: Int64, into out: inout [UInt8]) {
        let days = floorDivide(milliseconds, millisecondsPerDay)
        let inDay = milliseconds - days * millisecondsPerDay
        let date = civil(days: days)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(0x30 + value / divisor % 10))
                divisor /= 10
            }
        }
        digits(date.year, 4)
        out.append(0x2D)
        digits(date.month, 2)
        out.append(0x2D)
        digits(date.day, 2)
        out.append(0x54)
        digits(Int(inDay / 3_600_000), 2)
        out.append(0x3A)
        digits(Int(inDay / 60_000 % 60), 2)
        out.append(0x3A)
        digits(Int(inDay / 1000 % 60), 2)
        out.append(0x2E)
        digits(Int(inDay % 1000), 3)
        out.append(0x5A)
    }

    /// `2026-11-23T10:00:00.123Z`.
    static func string(_ milliseconds: Int64) -> String {
        var out: [UInt8] = []
        format(milliseconds, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Reads what ``format(_:into:)`` writes, exactly; `nil` for anything else.
    static func parse(_ bytes: some Collection<UInt8>) -> Int64? {
        let text = Array(bytes)
        guard text.count == 24 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in text[from..<from + count] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let separators: [(Int, UInt8)] = [(4, 0x2D), (7, 0x2D), (10, 0x54), (13, 0x3A), (16, 0x3A), (19, 0x2E), (23, 0x5A)]
        guard separators.allSatisfy({ text[$0.0] == $0.1 }),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2), let millisecond = number(20, 3),
            (1...12).contains(month), day >= 1, hour < 24, minute < 60, second < 60
        else { return nil }
        let days = days(year: year, month: month, day: day)
        guard civil(days: days) == (year, month, day) else { return nil }  // 31 April and the like
        return days * millisecondsPerDay + Int64(((hour * 60 + minute) * 60 + second) * 1000 + millisecond)
    }

    /// Division rounding towards minus infinity.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
