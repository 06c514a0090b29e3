import GRDB

extension NodeStore {
    /// Copies the database, consistently, to a new file at `path` (SQLite's online backup: the
    /// node keeps serving and importing meanwhile).
    public func backup(to path: String) throws(StoreError) {
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
    public func markRestored(peers: [String]) throws(StoreError) {
        try write { db in
            let skipped = max(try Self.lastSequence(db) + 1, 2)
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = 'change_log'")
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('change_log', ?)", arguments: [skipped])
            for peer in peers {
                try db.execute(
                    sql: """
                        INSERT INTO peer_delivery (peer, acknowledged) VALUES (?, 1)
                        ON CONFLICT (peer) DO UPDATE SET acknowledged = 1, sent = 0
                        """,
                    arguments: [peer]
                )
            }
            try db.execute(
                sql: """
                    INSERT INTO node_meta (key, value) VALUES ('compacted_through', ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """,
                arguments: [skipped]
            )
        }
    }
}
