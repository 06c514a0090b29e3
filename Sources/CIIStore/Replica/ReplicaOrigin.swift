import CIICore
import GRDB

/// What the replica keeps of one origin besides its rows, read and written inside the apply
/// transaction: the checkpoint (`replica_checkpoint`, read by status and digests too) and the
/// origin's state (`replica_origin`, owned by this type).
///
/// - `resetGeneration`: the last reset generation applied from the origin. A reset at or below
///   it is a replay or a stale resend and changes nothing.
/// - `synced`: the replica once held the origin's whole set (a batch that reached the origin's
///   end was applied). Until then overlaps are recorded as existing, not as alerts. Kept across
///   resets and ``NodeStore/resetOrigin(_:)``.
/// - `prunePresence`: the origin's rows were dropped (reset, or digest divergence) and are being
///   sent again; when the resend reaches the end, presence of people no longer held is pruned.
struct ReplicaOrigin {
    let origin: String
    private(set) var checkpoint: Int64
    private(set) var resetGeneration: UInt64
    private(set) var synced: Bool
    private(set) var prunePresence: Bool

    /// Reads the state of `origin` (all zero when nothing was ever received from it).
    static func open(_ db: Database, origin: String) throws -> ReplicaOrigin {
        let checkpoint = try SQLRequest<Int64>(literal: "SELECT sequence FROM replica_checkpoint WHERE origin = \(origin)").fetchOne(db)
        var state = ReplicaOrigin(origin: origin, checkpoint: checkpoint ?? 0, resetGeneration: 0, synced: false, prunePresence: false)
        let request = SQLRequest<Row>(literal: "SELECT reset_generation, synced, prune_presence FROM replica_origin WHERE origin = \(origin)")
        if let row = try request.fetchOne(db) {
            state.resetGeneration = UInt64(max(row[0] as Int64, 0))
            state.synced = row[1]
            state.prunePresence = row[2]
        }
        return state
    }

    /// Drops everything held of the origin for a resend flagged reset with `generation`, which the
    /// caller checked is above ``resetGeneration``; presence is kept until the resend's end.
    mutating func reset(_ db: Database, generation: UInt64) throws {
        try dropRows(db)
        resetGeneration = generation
        try save(db)
    }

    /// Forgets the origin's rows and checkpoint (digest divergence), keeping its generation and
    /// whether it was ever synced; the origin then sends everything again.
    mutating func forget(_ db: Database) throws {
        try dropRows(db)
        try save(db)
    }

    /// Drops the origin's rows and moves its checkpoint to 0; presence is pruned once the resend reaches the end.
    private mutating func dropRows(_ db: Database) throws {
        try db.execute(literal: "DELETE FROM replica_entry WHERE source = (SELECT id FROM replica_source WHERE origin = \(origin))")
        try db.execute(literal: "UPDATE replica_checkpoint SET sequence = 0 WHERE origin = \(origin)")
        checkpoint = 0
        prunePresence = true
    }

    /// Moves the checkpoint to `through` after a batch was applied.
    mutating func advance(_ db: Database, to through: Int64, dispositif: Dispositif, at recordedAt: Int64) throws {
        try db.execute(
            literal: """
                INSERT INTO replica_checkpoint (origin, dispositif, sequence, updated_at)
                VALUES (\(origin), \(dispositif.rawValue), \(through), \(recordedAt))
                ON CONFLICT (origin) DO UPDATE SET dispositif = excluded.dispositif, sequence = excluded.sequence,
                updated_at = excluded.updated_at
                """
        )
        checkpoint = through
    }

    /// The replica holds the origin's whole set as it was when a batch reaching its end was sent:
    /// the origin is synced, and after a resend, presence of people it no longer holds goes.
    mutating func reachedEnd(_ db: Database) throws {
        guard !synced || prunePresence else { return }
        if prunePresence { try OverlapRule.prunePresence(db, origin: origin) }
        synced = true
        prunePresence = false
        try save(db)
    }

    private func save(_ db: Database) throws {
        try db.execute(
            literal: """
                INSERT INTO replica_origin (origin, reset_generation, synced, prune_presence)
                VALUES (\(origin), \(Int64(clamping: resetGeneration)), \(synced), \(prunePresence))
                ON CONFLICT (origin) DO UPDATE SET reset_generation = excluded.reset_generation, synced = excluded.synced,
                prune_presence = excluded.prune_presence
                """
        )
    }
}
