/// What ``NodeStore/loadReplicaIndex()`` built.
public struct ReplicaIndexLoad: Sendable, Hashable {
    /// Replica entries in the index.
    public var entries: Int
    /// Own follow-ups in the index.
    public var ownFollowUps: Int
    /// Bytes of its arrays.
    public var bytes: Int
    /// Time taken, scan of the database included.
    public var seconds: Double
}
