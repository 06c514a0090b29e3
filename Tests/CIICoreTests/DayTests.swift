import CIICore
import Foundation
import Testing

@Suite struct DayTests {
    @Test(arguments: [
        ("17.04.2025", "2025-04-17"), ("7.4.2025", "2025-04-07"), ("2025-04-17", "2025-04-17"), ("17/04/2025", "2025-04-17"),
        ("2025-04-17 00:00:00", "2025-04-17"), ("2025-04-17T10:00:00Z", "2025-04-17"), (" 29.02.2024 ", "2024-02-29"),
        ("01.01.1970", "1970-01-01"), ("31.12.1969", "1969-12-31"),
    ])
    func parsesSwissAndISODates(_ text: String, _ iso: String) throws {
        let day = try #require(Day(parsing: text))
        #expect(day.iso == iso)
    }

    @Test(arguments: [
        "", "31.02.2025", "29.02.2023", "2025-13-01", "00.01.2025", "17.04.25", "17-04.2025", "2025/04", "abc", "17.04.2025 10:00", "1.1.1.2020",
    ])
    func refusesWhatIsNotADate(_ text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func convertsBothWaysOverCenturies() throws {
        var day = try #require(Day(year: 1900, month: 1, day: 1))
        let end = try #require(Day(year: 2101, month: 1, day: 1))
        while day < end {
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
            day = day.adding(days: 13)
        }
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSince1970 == 0)
        #expect(Day(year: 2000, month: 3, day: 1)?.daysSince1970 == 11_017)
        #expect(Day(year: 2025, month: 4, day: 17)?.swiss == "17.04.2025")
    }

    @Test func todayFollowsSwissTime() throws {
        // 23:30 UTC on 31 December is already 1 January in Switzerland.
        let date = Date(timeIntervalSince1970: 1_767_223_800)  // 2025-12-31T23:30:00Z
        #expect(Day(date).iso == "2026-01-01")
        #expect(Day(date, timeZone: TimeZone(identifier: "UTC")!).iso == "2025-12-31")
    }
}

@Suite struct RetentionWindowTests {
    let today = Day(year: 2026, month: 11, day: 23)!

    @Test func aFollowUpExactlyThreeYearsAgoStillCounts() {
        let window = RetentionWindow.standard
        #expect(window.cutoff(today: today).iso == "2023-11-23")
        #expect(window.contains(Day(year: 2023, month: 11, day: 23)!, today: today))
        #expect(!window.contains(Day(year: 2023, month: 11, day: 22)!, today: today))
        #expect(window.contains(today, today: today))
    }

    @Test func leapDayFallsBackTo28February() {
        let leap = Day(year: 2028, month: 2, day: 29)!
        #expect(RetentionWindow.standard.cutoff(today: leap).iso == "2025-02-28")
        #expect(RetentionWindow(years: 4).cutoff(today: leap).iso == "2024-02-29")
    }

    @Test func windowLengthIsConfigurable() {
        #expect(RetentionWindow(years: 5).cutoff(today: today).iso == "2021-11-23")
    }

    @Test func todayIsTheSwissCalendarDayAndStaysSoWhenCached() {
        for _ in 0..<3 {
            let before = Day(Date())
            let today = Day.today()
            let after = Day(Date())
            #expect(today == before || today == after)
        }
    }
}
