import Dispatch
public import Logging
public import ServiceLifecycle
import Synchronization

/// Records audit events off the request's path: ``record(_:)`` only appends the event to a
/// list in memory; ``run()`` writes the list to the ``AuditLog`` every ``flushInterval`` (or as
/// soon as ``batchSize`` events wait), in one append, on a thread of its own, so that neither a
/// request nor Swift's cooperative threads ever wait for a disk.
///
/// When the log cannot be written (a full disk), the events are kept, the error is logged, and
/// the writer tries again with growing pauses. On graceful shutdown (SIGTERM) it writes all that
/// waits before it returns: place it first in the service group, so that it stops last. Once a
/// day it also deletes the files older than the retention (``AuditLog/purgeExpired()``).
public final class AuditWriter: Service, Sendable {
    /// The log written to.
    public let log: AuditLog
    /// The longest an event waits in memory when all is well.
    public let flushInterval: Duration
    /// The number of waiting events that triggers a write before the interval ends.
    public let batchSize: Int
    let purgeInterval: Duration
    let logger: Logger
    let pending = Mutex(Pending())
    /// The one thread that writes, so that writes keep the order of ``record(_:)``.
    let queue = DispatchQueue(label: "ciid.audit.writer")

    /// The most events written by one append.
    static let chunk = 4096

    struct Pending {
        var events: [AuditEvent] = []
        /// The run loop, waiting for its pause to end, for shutdown, or (when ``wantsBatch``) for ``batchSize`` events.
        var waiter: CheckedContinuation<Void, Never>?
        var wantsBatch = false
        /// Set on graceful shutdown.
        var stopping = false
    }

    /// Creates the writer of `log`.
    public init(
        log: AuditLog,
        flushInterval: Duration = .milliseconds(100),
        batchSize: Int = 4096,
        purgeInterval: Duration = .seconds(86_400),
        logger: Logger = Logger(label: "ciid.audit")
    ) {
        self.log = log
        self.flushInterval = flushInterval
        self.batchSize = max(1, batchSize)
        self.purgeInterval = purgeInterval
        self.logger = logger
    }

    /// Queues `event` for the log: a lock and an append to an array, nothing else.
    public func record(_ event: AuditEvent) {
        let waiter = pending.withLock { pending -> CheckedContinuation<Void, Never>? in
            pending.events.append(event)
            guard pending.wantsBatch, pending.events.count >= batchSize, let waiter = pending.waiter else { return nil }
            pending.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// The number of events recorded and not yet written.
    public var backlog: Int { pending.withLock { $0.events.count } }

    /// Writes every event recorded so far; durable when it returns (for tests and CLI commands).
    /// - Throws: ``AuditError``; the events that could not be written stay queued.
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

    /// Writes what waits, in chunks of at most ``chunk`` events, putting back a chunk that fails.
    func drainNow() throws(AuditError) -> Int {
        var written = 0
        while true {
            let batch = pending.withLock { pending -> [AuditEvent] in
                guard pending.events.count > Self.chunk else {
                    defer { pending.events = [] }
                    return pending.events
                }
                defer { pending.events.removeFirst(Self.chunk) }
                return Array(pending.events.prefix(Self.chunk))
            }
            guard !batch.isEmpty else { return written }
            do throws(AuditError) {
                try log.append(batch)
            } catch {
                pending.withLock { $0.events.insert(contentsOf: batch, at: 0) }
                throw error
            }
            written += batch.count
        }
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
