import Synchronization

/// Open connections per client address, shared by the listeners of a ``ConnectionGuard``.
final class ConnectionCounter: Sendable {
    /// What ``admit(_:maximum:)`` decided.
    enum Admission: Equatable {
        /// Counted: the connection may stay.
        case admitted
        /// Over the cap: close it. `firstOfEpisode` is true for the first refusal since the
        /// address last held no connection at all (the one worth a log line).
        case refused(firstOfEpisode: Bool)
    }

    private struct State {
        var counts: [String: Int] = [:]
        /// Addresses refused since they last held no connection.
        var atCap: Set<String> = []
    }

    private let state = Mutex(State())

    /// Counts one more connection from `address`, unless it already holds `maximum`.
    func admit(_ address: String, maximum: Int) -> Admission {
        state.withLock { state in
            let current = state.counts[address, default: 0]
            guard current >= maximum else {
                state.counts[address] = current + 1
                return .admitted
            }
            return .refused(firstOfEpisode: state.atCap.insert(address).inserted)
        }
    }

    /// Counts one connection from `address` less (one that ``admit(_:maximum:)`` counted).
    func release(_ address: String) {
        state.withLock { state in
            let remaining = state.counts[address, default: 0] - 1
            if remaining > 0 {
                state.counts[address] = remaining
            } else {
                state.counts[address] = nil
                state.atCap.remove(address)
            }
        }
    }

    /// The connections `address` holds now.
    func count(_ address: String) -> Int { state.withLock { $0.counts[address, default: 0] } }
}
