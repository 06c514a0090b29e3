import Foundation
import GRDB

/// Compaction of the change log and its mark: the highest sequence removed, kept in `node_meta`
/// as `compacted_through`. A peer whose checkpoint is below the mark can no longer catch up change
/// by change: the publisher resends it everything, flagged reset.
enum ChangeLogCompaction {
    /// Removes entries recorded before `cutoff` (Unix seconds) that a later entry for the same
    /// fingerprint supersedes, and retractions (tombstones) recorded before it; raises the mark.
    /// - Returns: how many entries were removed.
    static func compact(_ db: Database, recordedBefore cutoff: Int64) throws -> Int {
        try db.execute(
            literal: """
                CREATE TEMP TABLE IF NOT EXISTS doomed (seq INTEGER PRIMARY KEY);
                DELETE FROM doomed;
                INSERT INTO doomed SELECT c.seq FROM change_log c WHERE c.recorded_at < \(cutoff) AND (c.kind = 2 OR EXISTS
                    (SELECT 1 FROM change_log later WHERE later.epoch = c.epoch AND later.fingerprint = c.fingerprint AND later.seq > c.seq));
                """
        )
        let removed = try Int.fetchOne(db, sql: "SELECT count(*) FROM doomed") ?? 0
        guard removed > 0 else { return 0 }
        try db.execute(
            sql: """
                INSERT INTO node_meta (key, value) VALUES ('compacted_through', (SELECT max(seq) FROM doomed))
                ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER));
                DELETE FROM change_log WHERE seq IN (SELECT seq FROM doomed);
                DELETE FROM doomed;
                """
        )
        return removed
    }

    /// The mark: the highest sequence compaction removed (or a restore skipped), 0 if none.
    static func mark(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM node_meta WHERE key = 'compacted_through'") ?? 0
    }

    /// Sets the mark to `sequence` (a restore: every peer is behind the sequence it skips).
    static func setMark(_ db: Database, to sequence: Int64) throws {
        try db.execute(
            literal: """
                INSERT INTO node_meta (key, value) VALUES ('compacted_through', \(sequence))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """
        )
    }
}
