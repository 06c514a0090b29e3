import Foundation

/// Waiting for a condition in the process tests: a positive signal, bounded in time.
enum Polling {
    /// Polls `condition` every 50 ms until it holds or `seconds` pass; returns whether it held.
    static func eventually(within seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return try condition()
    }
}
