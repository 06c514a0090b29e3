import Logging

extension AuditLog: AuditRecorder {
    /// Appends `event` at once (a write and an `fsync`): for CLI commands, never for the server
    /// (use ``AuditWriter``). An event that cannot be written is reported as a critical log
    /// message, since a recorder cannot throw; use ``append(_:)`` to handle the error.
    public func record(_ event: AuditEvent) {
        do {
            try append([event])
        } catch {
            Logger(label: "ciid.audit").critical("an audit event (\(event.kind)) could not be written: \(error)")
        }
    }

    /// Appends `event` at once (a write and an `fsync`), blocking the caller: for CLI commands.
    public func commit(_ event: AuditEvent) async throws(AuditError) {
        try append([event])
    }
}
