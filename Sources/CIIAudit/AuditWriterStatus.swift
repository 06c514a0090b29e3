public import Foundation

/// What a running node's ``AuditWriter`` is doing, as `ciid status` shows it (``AuditStateFile``).
public struct AuditWriterStatus: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Why the log cannot be written, and since when.
    public struct Failure: Sendable, Equatable, Codable {
        /// The first failed write of this spell.
        public var since: Date
        /// What the system said, and where (`cannot write to …: File too large; …`).
        public var reason: String
    }

    /// The process of the node.
    public var pid: Int32 = 0
    /// False once the node has stopped.
    public var running = false
    /// The most events that may wait in memory.
    public var queueLimit = 0
    /// Set while the log cannot be written: reads answer 503.
    public var failure: Failure?
    /// Set while the queue is full: reads answer 503, other events are dropped.
    public var queueFullSince: Date?
    /// When this state began.
    public var updated = Date(timeIntervalSince1970: 0)

    /// Creates a status.
    public init(pid: Int32 = 0, running: Bool = false, queueLimit: Int = 0, updated: Date = Date(timeIntervalSince1970: 0)) {
        self.pid = pid
        self.running = running
        self.queueLimit = queueLimit
        self.updated = updated
    }

    /// Whether reads may be answered: the log takes writes and the queue has room.
    public var isHealthy: Bool { failure == nil && queueFullSince == nil }

    /// One line for people.
    public var description: String {
        guard running else { return "the node is not running" }
        if let failure {
            return "CANNOT WRITE since \(Self.time(failure.since)): \(failure.reason); checks and reads answer 503 until it can"
        }
        if let queueFullSince {
            return "QUEUE FULL since \(Self.time(queueFullSince)) (\(queueLimit) events wait): reads answer 503, other events are dropped"
        }
        return "writable (at most \(queueLimit) events wait in memory)"
    }

    static func time(_ date: Date) -> String { AuditTime.string(AuditTime.milliseconds(date)) }
}
