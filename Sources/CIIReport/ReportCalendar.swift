public import CIICore

/// The calendar rules of the report: ages in full years, six months after a day.
public enum ReportCalendar {
    /// 1 January of `year`; nil outside 1…9999.
    public static func first(_ year: Int) -> Day? { Day(year: year, month: 1, day: 1) }

    /// 31 December of `year`; nil outside 1…9999.
    public static func last(_ year: Int) -> Day? { Day(year: year, month: 12, day: 31) }

    /// The age in full years on `day` of someone born on `birth` (a 29 February birthday counts
    /// on 1 March in a common year).
    public static func age(born birth: Day, on day: Day) -> Int {
        let (by, bm, bd) = birth.components
        let (y, m, d) = day.components
        return y - by - ((m, d) < (bm, bd) ? 1 : 0)
    }

    /// The same day `count` calendar months later, the last day of the month when it has fewer
    /// days (31 August + 6 months is 28 or 29 February).
    public static func adding(months count: Int, to day: Day) -> Day {
        let (y, m, d) = day.components
        let index = y * 12 + (m - 1) + count
        let year = index / 12
        let month = index % 12 + 1
        var last = d
        while last > 28, Day(year: year, month: month, day: last) == nil { last -= 1 }
        return Day(year: year, month: month, day: last) ?? day
    }
}
