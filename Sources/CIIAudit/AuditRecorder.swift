/// Where access events go: the node's audit log (``AuditWriter`` in a server, ``AuditLog`` in a
/// command), or a recording for tests.
public protocol AuditRecorder: Sendable {
    /// Records `event`; cheap and non-blocking in a server.
    func record(_ event: AuditEvent)
}
