import CIIAccess
import CIIAudit
import Synchronization

/// Audit events kept in memory, for assertions; ``refusing`` plays a log that cannot be written.
final class MemoryAudit: AuditRecorder {
    private let events = Mutex<[AuditEvent]>([])
    private let refuses = Mutex(false)
    func record(_ event: AuditEvent) { events.withLock { $0.append(event) } }
    var all: [AuditEvent] { events.withLock { $0 } }

    /// While true, reads are refused as by a full disk, and nothing is kept.
    var refusing: Bool {
        get { refuses.withLock { $0 } }
        set { refuses.withLock { $0 = newValue } }
    }

    func commit(_ event: AuditEvent) async throws(AuditError) {
        if refusing { throw AuditError(.writeFailed, "cannot write to audit-2026-11.jsonl: No space left on device") }
        record(event)
    }
}
