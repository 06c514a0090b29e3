import CIICore
import Foundation
import Synchronization

/// Counts checks per caller in fixed windows (the current minute and the current day).
///
/// In memory: a restart of the node starts the counts again, which only an admin can cause.
final class RateLimiter: Sendable {
    struct Counter {
        var minute: Int64 = -1
        var inMinute = 0
        var day: Int64 = -1
        var inDay = 0
    }

    private let counters = Mutex<[String: Counter]>([:])

    /// Counts one call of `key` at `seconds` (Unix time, `dayOffset` seconds east of UTC) if the limits allow it.
    /// - Returns: nil when admitted (and counted), or the window that is full.
    func admit(_ key: String, at seconds: Double, dayOffset: Int, perMinute: Int, perDay: Int) -> (CheckLimit.Window, used: Int)? {
        let minute = Int64((seconds / 60).rounded(.down))
        let day = Int64(((seconds + Double(dayOffset)) / 86_400).rounded(.down))
        return counters.withLock { counters -> (CheckLimit.Window, used: Int)? in
            var counter = counters[key] ?? Counter()
            if counter.minute != minute { (counter.minute, counter.inMinute) = (minute, 0) }
            if counter.day != day { (counter.day, counter.inDay) = (day, 0) }
            if counter.inDay >= perDay { return (.day, counter.inDay) }
            if counter.inMinute >= perMinute { return (.minute, counter.inMinute) }
            counter.inMinute += 1
            counter.inDay += 1
            counters[key] = counter
            return nil
        }
    }

    /// Checks left today for `key`.
    func remainingToday(_ key: String, at seconds: Double, dayOffset: Int, perDay: Int) -> Int {
        let day = Int64(((seconds + Double(dayOffset)) / 86_400).rounded(.down))
        return counters.withLock { counters in
            guard let counter = counters[key], counter.day == day else { return perDay }
            return max(0, perDay - counter.inDay)
        }
    }
}
