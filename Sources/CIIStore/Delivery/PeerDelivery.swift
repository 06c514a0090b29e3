/// What the publisher knows of one peer.
public struct PeerDelivery: Sendable, Hashable {
    /// The peer.
    public var peer: String
    /// The last sequence the peer acknowledged.
    public var acknowledged: Int64
    /// The last sequence sent to the peer (acknowledged or not).
    public var sent: Int64
    /// The last attempt (Unix seconds).
    public var lastAttempt: Int64?
    /// The last success (Unix seconds).
    public var lastSuccess: Int64?
    /// The last error, if the last attempt failed.
    public var lastError: String?
    /// Consecutive failures.
    public var failures: Int
}
