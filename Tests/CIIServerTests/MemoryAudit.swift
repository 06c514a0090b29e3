import CIIAccess
import CIIAudit
import Synchronization

/// Audit events kept in memory, for assertions.
final class MemoryAudit: AuditRecorder {
    private let events = Mutex<[AuditEvent]>([])
    func record(_ event: AuditEvent) { events.withLock { $0.append(event) } }
    var all: [AuditEvent] { events.withLock { $0 } }
}
