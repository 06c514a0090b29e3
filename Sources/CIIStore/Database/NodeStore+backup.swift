import GRDB

extension NodeStore {
    /// Copies the database, consistently, to a new file at `path` (SQLite's online backup: the
    /// node keeps serving and importing meanwhile). The copy is created 0600.
    public func backup(to path: String) throws(StoreError) {
        try SecureFile.createPrivate(path)
        do {
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
            try destination.close()
        } catch {
            throw StoreError(.writeFailed, "cannot back the database up to \(path): \(error)")
        }
    }

    /// After a restore: peers may hold changes newer than the backup, numbered with sequences this
    /// node will number again. Every peer in `peers` is therefore sent this node's whole set again,
    /// flagged *reset*, before anything new.
    ///
    /// The next sequence is skipped and marked compacted: a peer is behind it until it holds the
    /// resend, which reaches it (``changeRun(after:limit:)``), so the set is resent once, not in a loop.
    ///
    /// The reset counter (``nextResetGeneration()``) comes back with the backup, lower than what
    /// peers may have applied since: raise it with ``raiseResetGeneration(atLeast:)`` to the highest
    /// generation the peers report before resending, or they ignore the resend as stale.
    public func markRestored(peers: [String]) throws(StoreError) {
        try write { db in
            let skipped = max(try Self.lastSequence(db) + 1, 2)
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'change_log'")
            try db.execute(literal: "INSERT INTO sqlite_sequence (name, seq) VALUES ('change_log', \(skipped))")
            for peer in peers { try DeliveryLedger.resendAll(db, peer: peer) }
            try ChangeLogCompaction.setMark(db, to: skipped)
        }
    }
}
