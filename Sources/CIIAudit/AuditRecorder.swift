/// Where access events go: the node's audit log (``AuditWriter`` in a server, ``AuditLog`` in a
/// command), or a recording for tests.
public protocol AuditRecorder: Sendable {
    /// Records `event`; cheap and non-blocking in a server. For events that are not reads of
    /// personal data (logins, account changes…): the caller does not wait for the disk.
    func record(_ event: AuditEvent)

    /// Records `event`, a read of personal data (a check, a listing of alerts…), and returns once
    /// it is durable: answer the read only then.
    /// - Throws: ``AuditError`` when the event cannot be written now; the read must not be answered.
    func commit(_ event: AuditEvent) async throws(AuditError)
}

extension AuditRecorder {
    /// Records `event` with ``record(_:)``: for recorders that keep events in memory (tests).
    public func commit(_ event: AuditEvent) async throws(AuditError) { record(event) }
}
