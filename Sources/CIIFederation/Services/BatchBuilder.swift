public import CIICore
public import CIIStore

/// Builds the next batch a peer lacks from this node's change log: changes after what the peer
/// holds, or everything again with a reset when the peer is behind what compaction removed.
public enum BatchBuilder {
    /// The batch for `recipient`, which holds this node's changes through `held`.
    ///
    /// A reset batch takes a new reset generation (``NodeStore/nextResetGeneration()``): the
    /// recipient applies a reset only above the last generation it applied from this node.
    /// - Parameter resentSince: the compaction mark (``NodeStore/compactedThrough()``) when the
    ///   peer's current full resend began, 0 when none: a resend longer than one batch leaves the
    ///   peer below the mark, and it must not start again unless compaction moved since.
    public static func next(
        store: NodeStore,
        origin: NodeID,
        dispositif: Dispositif,
        recipient: NodeID,
        held: Int64,
        resentSince: Int64 = 0
    ) throws(StoreError) -> Batch {
        let compacted = try store.compactedThrough()
        let reset = held > 0 && held < compacted && compacted > resentSince
        let after = reset ? 0 : held
        let last = try store.lastSequence()
        let (entries, through) = try store.changeRun(after: after, limit: Batch.maximumChanges)
        return Batch(
            origin: origin,
            dispositif: dispositif,
            recipient: recipient,
            after: after,
            through: through,
            changes: entries.map {
                Change(kind: $0.kind == .upsert ? .upsert : .retract, epoch: $0.epoch, fingerprint: $0.fingerprint, lastOn: $0.lastOn)
            },
            reset: reset,
            generation: reset ? try store.nextResetGeneration() : 0,
            reachesEnd: through >= last
        )
    }
}
