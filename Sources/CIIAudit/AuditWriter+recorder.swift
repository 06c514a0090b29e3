import Dispatch

extension AuditWriter: AuditRecorder {}

extension AuditWriter {
    /// Writes every event recorded so far, blocking the calling thread until they are durable:
    /// for synchronous CLI commands. Never call it from the server's tasks.
    /// - Throws: ``AuditError``; the events that could not be written stay queued.
    public func flushBlocking() throws(AuditError) {
        _ = try queue.sync { Result { () throws(AuditError) -> Int in try drainNow() } }.get()
    }
}
