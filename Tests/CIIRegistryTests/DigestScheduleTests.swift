import CIICore
import Foundation
import Testing

@testable import CIIRegistry

/// The weekly digest's slot: from 07:00 Swiss time on the chosen day, once per week.
struct DigestScheduleTests {
    func swiss(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.switzerland
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test func theSlotIsTheLatestChosenDayFrom0700SwissTime() {
        let monday = DigestSchedule(weekday: 1)
        #expect(DigestSchedule.weekday(of: Day(year: 2026, month: 11, day: 30)!) == 1)
        #expect(DigestSchedule.weekday(of: Day(year: 1970, month: 1, day: 1)!) == 4)
        #expect(DigestSchedule.weekday(of: Day(year: 2026, month: 12, day: 6)!) == 7)
        // Monday 30 November 2026: before 07:00 the slot is the Monday before; from 07:00 it is this one.
        #expect(monday.lastSlot(atOrBefore: swiss(2026, 11, 30, 6, 59)) == Day(year: 2026, month: 11, day: 23)!)
        #expect(monday.lastSlot(atOrBefore: swiss(2026, 11, 30, 7)) == Day(year: 2026, month: 11, day: 30)!)
        #expect(monday.lastSlot(atOrBefore: swiss(2026, 12, 6, 23)) == Day(year: 2026, month: 11, day: 30)!)
        #expect(monday.nextSlot(after: swiss(2026, 12, 2, 12)) == swiss(2026, 12, 7, 7))
        // Summer time: 07:00 in Zurich is 05:00 UTC.
        let friday = DigestSchedule(weekday: 5)
        #expect(friday.lastSlot(atOrBefore: swiss(2026, 7, 3, 7)) == Day(year: 2026, month: 7, day: 3)!)
        #expect(
            DigestSchedule.start(of: Day(year: 2026, month: 7, day: 3)!).timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) == 5 * 3600
        )
        #expect(DigestSchedule(weekday: 9).weekday == 1)
    }
}
