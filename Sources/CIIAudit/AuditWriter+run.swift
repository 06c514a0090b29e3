import Logging
import ServiceLifecycle
import Synchronization

extension AuditWriter {
    /// Writes batches until graceful shutdown (or cancellation), then everything that waits.
    public func run() async throws {
        stateFile.write(status, logger: logger)
        var nextPurge = ContinuousClock.now
        var failures = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            if ContinuousClock.now >= nextPurge {
                await purge()
                nextPurge = .now + purgeInterval
            }
            do {
                if status.failure != nil, backlog == 0 {
                    try await probe()  // nothing waits to prove the log writable again
                } else {
                    _ = try await drain()
                }
                failures = 0
            } catch {
                failures += 1  // logged once by the writer when the log became unwritable
            }
            // Reads that came while the last batch was written are written at once, without the
            // timer and task group of a wait (under load a batch ends with reads waiting every time).
            if failures == 0, pending.withLock({ $0.readers > 0 && !$0.stopping }) { continue }
            let pause = failures == 0 ? flushInterval : min(flushInterval * (1 << min(failures, 8)), .seconds(30))
            await withGracefulShutdownHandler {
                await waitForWork(pause, wantsBatch: failures == 0)
            } onGracefulShutdown: {
                self.wakeForShutdown()
            }
        }
        await drainAtShutdown()
        pending.withLock { $0.finished = true }
        _ = try? await drain()  // reads that came during the last drain: written, or refused
        var stopped = status
        stopped.running = false
        stateFile.write(stopped, logger: logger)
    }

    /// Writes what is left, trying a few times; says how many events are lost if it cannot.
    private func drainAtShutdown() async {
        var lastError: AuditError?
        for attempt in 1...5 {
            do {
                _ = try await drain()
                return
            } catch {
                lastError = error
                if attempt < 5 { try? await Task.sleep(for: .milliseconds(200)) }
            }
        }
        logger.critical("stopping with \(backlog) audit events that could not be written: \(lastError.map { "\($0)" } ?? "")")
    }

    /// Waits `pause`, or less if shutdown comes, a read waits for its audit, or (when `wantsBatch`) ``batchSize`` events wait.
    private func waitForWork(_ pause: Duration, wantsBatch: Bool) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: pause) }
            group.addTask { await self.waitForWake(wantsBatch: wantsBatch) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns once woken (by ``record(_:)``, ``commit(_:)``, shutdown or cancellation).
    private func waitForWake(wantsBatch: Bool) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = pending.withLock { pending -> Bool in
                    if pending.stopping || Task.isCancelled || pending.readers > 0 || (wantsBatch && pending.events.count >= batchSize) {
                        return true
                    }
                    pending.waiter = continuation
                    pending.wantsBatch = wantsBatch
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            wake(stopping: false)
        }
    }

    /// Wakes the run loop for good: graceful shutdown has begun.
    private func wakeForShutdown() { wake(stopping: true) }

    private func wake(stopping: Bool) {
        let waiter = pending.withLock { pending -> CheckedContinuation<Void, Never>? in
            if stopping { pending.stopping = true }
            defer { pending.waiter = nil }
            return pending.waiter
        }
        waiter?.resume()
    }
}
