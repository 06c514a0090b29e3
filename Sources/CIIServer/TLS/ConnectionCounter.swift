import Synchronization

/// Open connections per client address, shared by the listeners of a ``ConnectionGuard``.
final class ConnectionCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    /// Counts one more connection from `address` and returns true, unless it already holds `maximum`.
    func admit(_ address: String, maximum: Int) -> Bool {
        counts.withLock { counts in
            let current = counts[address, default: 0]
            guard current < maximum else { return false }
            counts[address] = current + 1
            return true
        }
    }

    /// Counts one connection from `address` less (one that ``admit(_:maximum:)`` counted).
    func release(_ address: String) {
        counts.withLock { counts in
            let remaining = counts[address, default: 0] - 1
            counts[address] = remaining > 0 ? remaining : nil
        }
    }

    /// The connections `address` holds now.
    func count(_ address: String) -> Int { counts.withLock { $0[address, default: 0] } }
}
