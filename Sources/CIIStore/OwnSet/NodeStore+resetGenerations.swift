import GRDB

extension NodeStore {
    /// The generation for this node's next reset (a full resend to a peer): one more than the last,
    /// 1 the first time. The counter lives in `node_meta` (`reset_generation`) and is raised in one
    /// statement, so two resends never share a generation. A peer applies a reset only when its
    /// generation is above the last it applied from this node.
    public func nextResetGeneration() throws(StoreError) -> UInt64 {
        try write { db in
            let next = try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO node_meta (key, value) VALUES ('reset_generation', 1)
                    ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
                    RETURNING CAST(value AS INTEGER)
                    """
            )
            return UInt64(max(next ?? 1, 1))
        }
    }

    /// Raises the reset counter to at least `generation`, so that the next reset is above it: a node
    /// restored from a backup learns from its peers the highest generation they applied from it and
    /// passes it here. A lower value changes nothing.
    public func raiseResetGeneration(atLeast generation: UInt64) throws(StoreError) {
        let value = Int64(clamping: generation)
        try write { db in
            try db.execute(
                literal: """
                    INSERT INTO node_meta (key, value) VALUES ('reset_generation', \(value))
                    ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))
                    """
            )
        }
    }

    /// The last reset generation this node gave out (0 if none).
    public func lastResetGeneration() throws(StoreError) -> UInt64 {
        try read { db in
            UInt64(max(try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM node_meta WHERE key = 'reset_generation'") ?? 0, 0))
        }
    }
}
