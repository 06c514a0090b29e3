public import CIICore
public import CIIStore

/// Builds the next batch a peer lacks from this node's change log: changes after what the peer
/// holds, or everything again with a reset when the peer is behind what compaction removed.
public enum BatchBuilder {
    /// The batch for `recipient`, which holds this node's changes through `held`.
    public static func next(
        store: NodeStore,
        origin: NodeID,
        dispositif: Dispositif,
        recipient: NodeID,
        held: Int64
    ) throws(StoreError) -> Batch {
        let compacted = try store.compactedThrough()
        let reset = held > 0 && held < compacted
        let after = reset ? 0 : held
        let entries = try store.changes(after: after, limit: Batch.maximumChanges)
        return Batch(
            origin: origin,
            dispositif: dispositif,
            recipient: recipient,
            after: after,
            through: entries.last?.sequence ?? after,
            changes: entries.map {
                Change(kind: $0.kind == .upsert ? .upsert : .retract, epoch: $0.epoch, fingerprint: $0.fingerprint, lastOn: $0.lastOn)
            },
            reset: reset
        )
    }
}
