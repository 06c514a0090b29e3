import Dispatch
public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Records audit events off the request's path, in a bounded queue: ``record(_:)`` appends an
/// event to a list in memory and returns; ``commit(_:)`` (a read of personal data) appends it and
/// waits until it is durable. ``run()`` writes the list to the ``AuditLog`` in one append (group
/// commit) at once when a read waits, else every ``flushInterval`` (or as soon as ``batchSize``
/// events wait), on a thread of its own, so that Swift's cooperative threads never wait for a disk.
///
/// At most ``queueLimit`` events wait in memory. When the queue is full, ``commit(_:)`` refuses at
/// once and other events are dropped (counted, and logged once); when the log cannot be written
/// (a full disk), every read waiting is refused, other events are kept and retried with growing
/// pauses. The writer logs each change of state once, tells an ``AuditObserver`` (the metrics) and
/// writes its state to ``AuditStateFile`` for `ciid status`. It recovers by itself once writes
/// succeed again. On graceful shutdown (SIGTERM) it writes all that waits before it returns:
/// place it first in the service group, so that it stops last. Once a day it also deletes the
/// files older than the retention (``AuditLog/purgeExpired()``).
public final class AuditWriter: Service, Sendable {
    /// The log written to.
    public let log: AuditLog
    /// The longest an event that no read waits for stays in memory when all is well.
    public let flushInterval: Duration
    /// The number of waiting events that triggers a write before the interval ends.
    public let batchSize: Int
    /// The most events that wait in memory; beyond, reads are refused and other events dropped.
    public let queueLimit: Int
    let purgeInterval: Duration
    let logger: Logger
    let observer: (any AuditObserver)?
    let stateFile: AuditStateFile
    let pending = Mutex(Pending())
    /// The one thread that writes, so that writes keep the order of ``record(_:)``.
    let queue = DispatchQueue(label: "ciid.audit.writer")

    /// The most events written by one append.
    static let chunk = 4096
    /// The default of ``queueLimit``: about 30 MB of events.
    public static let defaultQueueLimit = 100_000

    /// An event waiting, with the read that waits for it, if any.
    struct Queued {
        var event: AuditEvent
        var reader: CheckedContinuation<Result<Void, AuditError>, Never>?
    }

    struct Pending {
        var events: [Queued] = []
        /// Events taken by a write that has not returned yet (they still count against the bound).
        var inFlight = 0
        /// Events in ``events`` that a read waits for.
        var readers = 0
        /// The run loop, waiting for its pause to end, for shutdown, for a read, or (when ``wantsBatch``) for ``batchSize`` events.
        var waiter: CheckedContinuation<Void, Never>?
        var wantsBatch = false
        /// Set on graceful shutdown.
        var stopping = false
        /// Set once ``run()`` has returned: nothing writes any more, reads are refused.
        var finished = false
        /// What `ciid status` is told.
        var status = AuditWriterStatus()
        /// Events dropped since the queue became full.
        var dropped = 0

        var queued: Int { events.count + inFlight }
    }

    /// Creates the writer of `log`.
    /// - Parameters:
    ///   - queueLimit: the most events waiting in memory (see ``defaultQueueLimit``).
    ///   - observer: told of the queue's length, of failed writes and of refusals (the node's metrics).
    public init(
        log: AuditLog,
        flushInterval: Duration = .milliseconds(100),
        batchSize: Int = 4096,
        queueLimit: Int = AuditWriter.defaultQueueLimit,
        purgeInterval: Duration = .seconds(86_400),
        observer: (any AuditObserver)? = nil,
        logger: Logger = Logger(label: "ciid.audit")
    ) {
        self.log = log
        self.flushInterval = flushInterval
        self.batchSize = max(1, batchSize)
        self.queueLimit = max(1, queueLimit)
        self.purgeInterval = purgeInterval
        self.observer = observer
        self.logger = logger
        self.stateFile = AuditStateFile(directory: log.directory)
        let status = AuditWriterStatus(pid: ProcessInfo.processInfo.processIdentifier, running: true, queueLimit: max(1, queueLimit), updated: Date())
        pending.withLock { $0.status = status }
        observer?.writableChanged(true)
    }

    /// Queues `event` for the log: a lock and an append to an array, nothing else. When the queue
    /// is full the event is dropped (the first drop is logged, each is counted).
    public func record(_ event: AuditEvent) {
        var became: AuditWriterStatus?
        let (waiter, count) = pending.withLock { pending -> (CheckedContinuation<Void, Never>?, Int?) in
            guard pending.queued < queueLimit else {
                pending.dropped += 1
                if pending.status.queueFullSince == nil {
                    pending.status.queueFullSince = Date()
                    pending.status.updated = Date()
                    became = pending.status
                }
                return (nil, nil)
            }
            pending.events.append(Queued(event: event))
            guard pending.wantsBatch, pending.events.count >= batchSize, let waiter = pending.waiter else { return (nil, pending.queued) }
            pending.waiter = nil
            return (waiter, pending.queued)
        }
        waiter?.resume()
        if let count { observer?.queueChanged(count) } else { observer?.eventDropped() }
        if let became { announce(became, queueFull: event.kind) }
    }

    /// Queues `event`, a read of personal data, and returns once it is durable in the log: the read
    /// may then be answered. The writer writes at once (with every other read waiting).
    /// - Throws: ``AuditError`` when the queue is full or the log cannot be written; the event is
    ///   then not in the log and the read must not be answered.
    public func commit(_ event: AuditEvent) async throws(AuditError) {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, AuditError>, Never>) in
            // Either way the run loop is woken: to write this read, or to try the full queue again.
            let (outcome, waiter) = pending.withLock { pending -> (Result<Int, AuditError>, CheckedContinuation<Void, Never>?) in
                let waiter = pending.waiter
                pending.waiter = nil
                guard !pending.finished else { return (.failure(AuditError(.unavailable, "the audit writer has stopped")), waiter) }
                guard pending.queued < queueLimit else {
                    let reason = pending.status.failure.map { ": the log cannot be written (\($0.reason))" } ?? ": the disk is too slow for the load"
                    return (
                        .failure(AuditError(.unavailable, "the audit queue is full (\(pending.queued) events wait to be written)\(reason)")), waiter
                    )
                }
                pending.events.append(Queued(event: event, reader: continuation))
                pending.readers += 1
                return (.success(pending.queued), waiter)
            }
            waiter?.resume()
            switch outcome {
            case .success(let count): observer?.queueChanged(count)
            case .failure(let error): continuation.resume(returning: .failure(error))
            }
        }
        if case .failure(let error) = result {
            observer?.readRefused()
            throw error
        }
    }

    /// The number of events recorded and not yet written.
    public var backlog: Int { pending.withLock { $0.queued } }

    /// What the writer is doing, as `ciid status` shows it.
    public var status: AuditWriterStatus { pending.withLock { $0.status } }

    /// Writes every event recorded so far; durable when it returns (for tests and CLI commands).
    /// - Throws: ``AuditError``; the events that could not be written stay queued (reads are refused).
    public func flush() async throws(AuditError) {
        _ = try await drain()
    }

    /// Writes what waits on the writer's thread; returns how many events were written.
    func drain() async throws(AuditError) -> Int {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Int, AuditError>, Never>) in
            queue.async { continuation.resume(returning: Result { () throws(AuditError) -> Int in try self.drainNow() }) }
        }
        return try result.get()
    }

    /// Tries whether the log takes writes again, on the writer's thread (when nothing waits to prove it).
    func probe() async throws(AuditError) {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Void, AuditError>, Never>) in
            queue.async {
                continuation.resume(
                    returning: Result { () throws(AuditError) in
                        do throws(AuditError) {
                            try self.log.probeWritable()
                        } catch {
                            self.failed(error)
                            throw error
                        }
                        self.succeeded(written: 0)
                    }
                )
            }
        }
        try result.get()
    }

    /// Writes what waits, in chunks of at most ``chunk`` events. When a chunk fails, the reads
    /// waiting are refused (their events dropped: they are never answered) and the other events
    /// are put back.
    func drainNow() throws(AuditError) -> Int {
        var written = 0
        while true {
            let batch = pending.withLock { pending -> [Queued] in
                let count = min(pending.events.count, Self.chunk)
                let batch = Array(pending.events.prefix(count))
                pending.events.removeFirst(count)
                pending.inFlight = count
                pending.readers -= batch.count { $0.reader != nil }
                return batch
            }
            guard !batch.isEmpty else { break }
            do throws(AuditError) {
                try log.append(batch.map(\.event))
            } catch {
                let refused = pending.withLock { pending -> [CheckedContinuation<Result<Void, AuditError>, Never>] in
                    let refused = batch.compactMap(\.reader) + pending.events.compactMap(\.reader)
                    pending.events = batch.filter { $0.reader == nil } + pending.events.filter { $0.reader == nil }
                    pending.inFlight = 0
                    pending.readers = 0
                    return refused
                }
                failed(error)
                for reader in refused { reader.resume(returning: .failure(error)) }
                observer?.queueChanged(backlog)
                throw error
            }
            let count = pending.withLock { pending -> Int in
                pending.inFlight = 0
                return pending.queued
            }
            for reader in batch.compactMap(\.reader) { reader.resume(returning: .success(())) }
            observer?.queueChanged(count)
            written += batch.count
        }
        if written > 0 { succeeded(written: written) }
        return written
    }

    /// Notes a failed write: the first one since the log was writable is logged and announced.
    func failed(_ error: AuditError) {
        observer?.writeFailed()
        let became = pending.withLock { pending -> AuditWriterStatus? in
            guard pending.status.failure == nil else { return nil }
            pending.status.failure = .init(since: Date(), reason: error.reason)
            pending.status.updated = Date()
            return pending.status
        }
        guard let became else { return }
        observer?.writableChanged(false)
        logger.error(
            "the audit log cannot be written: \(error); checks and other reads of personal data answer 503 until it can, other events wait in memory (\(backlog) now, at most \(queueLimit))"
        )
        stateFile.write(became, logger: logger)
    }

    /// Notes a write that succeeded: ends a failure and a full queue, logging and announcing each.
    func succeeded(written: Int) {
        let (before, after, dropped) = pending.withLock { pending -> (AuditWriterStatus, AuditWriterStatus, Int) in
            let before = pending.status
            let dropped = pending.dropped
            pending.status.failure = nil
            if pending.queued < queueLimit {
                pending.status.queueFullSince = nil
                pending.dropped = 0
            }
            if pending.status != before { pending.status.updated = Date() }
            return (before, pending.status, dropped)
        }
        guard before != after else { return }
        if let failure = before.failure {
            observer?.writableChanged(true)
            logger.notice(
                "the audit log is writable again (it could not be written since \(AuditTime.string(AuditTime.milliseconds(failure.since)))): \(written) waiting events written"
            )
        }
        if before.queueFullSince != nil, after.queueFullSince == nil {
            logger.notice("the audit queue has room again; \(dropped) events that are not reads were dropped while it was full")
        }
        stateFile.write(after, logger: logger)
    }

    /// Logs and announces that the queue became full (at `kind`, the first event dropped).
    func announce(_ status: AuditWriterStatus, queueFull kind: AuditKind) {
        logger.error(
            "the audit queue is full (\(queueLimit) events wait to be written): reads answer 503 and other events are dropped (the first: \(kind)) until the log catches up"
        )
        stateFile.write(status, logger: logger)
    }

    /// Deletes expired files on the writer's thread.
    func purge() async {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[String], AuditError>, Never>) in
            queue.async { continuation.resume(returning: Result { () throws(AuditError) -> [String] in try self.log.purgeExpired() }) }
        }
        switch result {
        case .success(let removed) where !removed.isEmpty:
            logger.info("audit log: deleted \(removed.joined(separator: ", ")), older than \(log.retentionDays) days")
        case .success: break
        case .failure(let error): logger.warning("audit log: cannot delete expired files: \(error)")
        }
    }
}
