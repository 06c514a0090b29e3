/// Every password-hashing thread is busy and the queue is full: the login is refused at once
/// (503 with `Retry-After`), not queued without end.
public struct HashingBusy: Error, Sendable, Equatable, CustomStringConvertible {
    /// Seconds after which trying again makes sense.
    public let retryAfter: Int

    /// Creates the error.
    public init(retryAfter: Int) { self.retryAfter = retryAfter }

    /// What happened and what to do.
    public var description: String {
        "too many logins are being checked at once; try again in \(retryAfter) seconds (or raise access.hash_queue)"
    }
}
