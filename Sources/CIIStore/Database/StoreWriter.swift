import Dispatch
import Foundation
import Synchronization

/// A thread of its own that runs the node's writes one after another: a peer's batch is applied
/// here (and the in-memory index updated), while the threads that answer HTTP only wait for the
/// outcome, free to answer checks meanwhile.
///
/// Every ``maintenanceInterval`` (while busy too), the writer runs `maintenance`: `ciid serve`
/// refreshes the index there when another process imported (see ``NodeStore/refreshReplicaIndex()``).
/// ``shutdown()`` runs the writes already handed over, then stops the thread; writes handed over
/// after it are refused.
public final class StoreWriter: Sendable {
    private struct State: Sendable {
        var jobs: [@Sendable () -> Void] = []
        var closed = false
        var finished = false
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    private let pending = Atomic<Int>(0)
    private let wake = DispatchSemaphore(value: 0)
    private let maintenance: (@Sendable () -> Void)?
    /// How often `maintenance` runs.
    public let maintenanceInterval: Duration

    /// Starts the writer's thread.
    /// - Parameters:
    ///   - name: the thread's name (seen in `top -H`, `perf`); at most 15 characters on Linux.
    ///   - maintenanceInterval: how often `maintenance` runs.
    ///   - maintenance: work done between writes, on the writer's thread.
    public init(name: String = "ciid-writer", maintenanceInterval: Duration = .milliseconds(250), maintenance: (@Sendable () -> Void)? = nil) {
        self.maintenance = maintenance
        self.maintenanceInterval = maintenanceInterval
        let thread = Thread { [self] in
            Thread.current.name = name  // set from the thread itself: Linux names only the calling thread
            run()
        }
        thread.start()
    }

    /// Writes handed over and not finished yet (the one running included).
    public var pendingWrites: Int { pending.load(ordering: .relaxed) }

    /// Runs `body` on the writer's thread after the writes handed over before it, and returns
    /// what it returns or throws.
    /// - Throws: what `body` throws; ``StoreError`` `refused` after ``shutdown()``.
    public func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = state.withLock { state in
                guard !state.closed else { return false }
                pending.add(1, ordering: .relaxed)
                state.jobs.append { continuation.resume(with: Result { try body() }) }
                return true
            }
            if accepted {
                wake.signal()
            } else {
                continuation.resume(throwing: StoreError(.refused, "the node's writer has stopped (the node is shutting down): send again later"))
            }
        }
    }

    /// Refuses new writes, waits for those handed over to run, and stops the thread.
    public func shutdown() async {
        await withCheckedContinuation { continuation in
            let finished = state.withLock { state in
                state.closed = true
                if !state.finished { state.waiting.append(continuation) }
                return state.finished
            }
            if finished { continuation.resume() } else { wake.signal() }
        }
    }

    private func run() {
        let clock = ContinuousClock()
        var lastMaintenance = clock.now
        let interval = maintenanceInterval.components
        let timeout = DispatchTimeInterval.nanoseconds(Int(interval.seconds) * 1_000_000_000 + Int(interval.attoseconds / 1_000_000_000))
        while true {
            _ = wake.wait(timeout: .now() + timeout)
            while true {
                let (jobs, closed) = state.withLock { state in
                    defer { state.jobs = [] }
                    return (state.jobs, state.closed)
                }
                if jobs.isEmpty {
                    if closed {
                        for continuation in state.withLock({ state in
                            state.finished = true
                            return state.waiting
                        }) {
                            continuation.resume()
                        }
                        return
                    }
                    break
                }
                for job in jobs {
                    job()
                    pending.subtract(1, ordering: .relaxed)
                }
                if let maintenance, lastMaintenance.duration(to: clock.now) >= maintenanceInterval {
                    maintenance()
                    lastMaintenance = clock.now
                }
            }
            if let maintenance, lastMaintenance.duration(to: clock.now) >= maintenanceInterval {
                maintenance()
                lastMaintenance = clock.now
            }
        }
    }
}
