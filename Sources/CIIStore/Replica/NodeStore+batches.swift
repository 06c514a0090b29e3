public import CIICore
public import Foundation
import GRDB

extension NodeStore {
    /// Applies a run of `origin`'s changes in one transaction, on top of the checkpoint it names.
    ///
    /// 1. The origin's state is read: checkpoint, last reset generation, whether it was ever synced.
    /// 2. A `reset` batch (a full resend from sequence 0) is applied only when its `generation` is
    ///    above the last applied from `origin`: it drops everything held of `origin` and records the
    ///    generation. Otherwise nothing changes (`staleReset`): it is a replay or an old resend.
    /// 3. A batch whose `through` the replica already holds changes nothing (`alreadyApplied`); a
    ///    batch whose `after` is not the checkpoint is refused (`gap`).
    /// 4. Every change is applied; changes of a retired epoch (see ``dropEpoch(_:now:)``) are
    ///    skipped: the origin sent them before it learnt of the retirement.
    /// 5. The overlap rule records an event when one of the node's own people first appears in the
    ///    origin's set, or reappears after a retraction — never for a resend or a later date alone —
    ///    with the caseworker and dossier reference the import named. Until a batch reaching the
    ///    origin's end was once applied, such events are existing overlaps, not alerts.
    /// 6. The checkpoint moves to `through`; when `reachesEnd`, the origin is synced (and after a
    ///    resend, presence of people it no longer holds is forgotten).
    ///
    /// - Parameters:
    ///   - generation: the reset generation of a `reset` batch (1 or more, growing per origin); ignored otherwise.
    ///   - reachesEnd: `through` was the origin's last sequence when it sent the batch.
    public func applyBatch(
        origin: NodeID,
        dispositif: Dispositif,
        after: Int64,
        through: Int64,
        changes: [ReplicaChange],
        reset: Bool = false,
        generation: UInt64 = 0,
        reachesEnd: Bool = false,
        now: Date = Date()
    ) throws(StoreError) -> BatchOutcome {
        let applied = try write(
            { db -> AppliedBatch in
                var state = try ReplicaOrigin.open(db, origin: origin.rawValue)
                var wasReset = false
                if reset, after == 0 {
                    guard generation > state.resetGeneration else {
                        return AppliedBatch(outcome: .staleReset(checkpoint: state.checkpoint, generation: state.resetGeneration))
                    }
                    try state.reset(db, generation: generation)
                    wasReset = true
                }
                if through <= state.checkpoint, after <= state.checkpoint {
                    if reachesEnd { try state.reachedEnd(db) }
                    return AppliedBatch(outcome: .alreadyApplied(checkpoint: state.checkpoint), wasReset: wasReset)
                }
                guard after == state.checkpoint else { return AppliedBatch(outcome: .gap(expected: state.checkpoint), wasReset: wasReset) }

                let ownSet = self.replicaIndex.ownSet(matching: try Self.ownSetMarker(db))
                let overlaps = try OverlapRule(db, origin: origin.rawValue, dispositif: dispositif, existing: !state.synced, now: now, ownSet: ownSet)
                let writer = try ReplicaWriter(db, origin: origin.rawValue, dispositif: dispositif, overlaps: overlaps)
                try writer.apply(changes)
                try state.advance(db, to: through, dispositif: dispositif, at: Int64(now.timeIntervalSince1970))
                if reachesEnd { try state.reachedEnd(db) }
                return AppliedBatch(
                    outcome: .applied(checkpoint: through, upserted: writer.upserted, retracted: writer.retracted, overlaps: overlaps.events),
                    wasReset: wasReset,
                    retired: writer.retired
                )
            },
            afterCommit: { _, applied in
                let index = self.replicaIndex
                if applied.wasReset { index.dropOrigin(origin.rawValue) }
                guard case .applied = applied.outcome else { return }
                index.apply(
                    origin: origin.rawValue,
                    code: dispositif.rawValue,
                    changes.map { ($0.fingerprint, $0.epoch.number, $0.lastOn?.daysSince1970) },
                    retired: applied.retired
                )
            }
        )
        return applied.outcome
    }
}

/// What an applied batch did, for the in-memory index.
private struct AppliedBatch: Sendable {
    var outcome: BatchOutcome
    var wasReset = false
    var retired: Set<Int64> = []
}
