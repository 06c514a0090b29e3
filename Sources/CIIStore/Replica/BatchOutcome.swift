/// What applying a peer's batch did.
public enum BatchOutcome: Sendable, Hashable {
    /// Applied; the replica now holds the origin's changes through `checkpoint`.
    case applied(checkpoint: Int64, upserted: Int, retracted: Int, overlaps: Int)
    /// Already applied before (a replay or a resend): nothing changed.
    case alreadyApplied(checkpoint: Int64)
    /// The batch does not follow what the replica holds: the sender must resend after `expected`.
    case gap(expected: Int64)
    /// A reset whose generation is not above `generation`, the last one applied from the origin
    /// (a replay, or a resend already under way): nothing changed; the replica holds `checkpoint`.
    case staleReset(checkpoint: Int64, generation: UInt64)

    /// The origin's sequence the replica holds after the batch.
    public var checkpoint: Int64 {
        switch self {
        case .applied(let checkpoint, _, _, _), .alreadyApplied(let checkpoint), .gap(let checkpoint), .staleReset(let checkpoint, _): checkpoint
        }
    }
}
