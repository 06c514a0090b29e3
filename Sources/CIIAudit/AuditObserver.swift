/// Told what an ``AuditWriter`` does, for the node's metrics. Calls are cheap and may come from any thread.
public protocol AuditObserver: Sendable {
    /// The number of events waiting in memory changed.
    func queueChanged(_ events: Int)
    /// The log became writable again (`true`), or cannot be written (`false`).
    func writableChanged(_ writable: Bool)
    /// An append failed.
    func writeFailed()
    /// An event that is not a read was dropped: the queue was full.
    func eventDropped()
    /// A read was refused: its event could not be queued or written.
    func readRefused()
}
