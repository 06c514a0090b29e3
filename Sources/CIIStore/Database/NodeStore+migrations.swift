import GRDB

extension NodeStore {
    /// The schema, one migration per version. Dates are days since 1970-01-01 (INTEGER);
    /// fingerprints are BLOBs of their epoch's width (16 bytes since issue 15, 32 before: v7).
    /// No table has a column for a plain AVS number.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: own follow-ups, change log, replica") { db in
            try db.execute(
                sql: """
                    CREATE TABLE own_followup (
                        epoch INTEGER NOT NULL,
                        fingerprint BLOB NOT NULL CHECK (length(fingerprint) = 32),
                        started_on INTEGER NOT NULL,
                        last_on INTEGER NOT NULL,
                        caseworker TEXT,
                        PRIMARY KEY (epoch, fingerprint)
                    ) WITHOUT ROWID;

                    CREATE TABLE change_log (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
                        epoch INTEGER NOT NULL,
                        fingerprint BLOB NOT NULL CHECK (length(fingerprint) = 32),
                        last_on INTEGER,
                        recorded_at INTEGER NOT NULL
                    );

                    CREATE TABLE replica (
                        fingerprint BLOB NOT NULL CHECK (length(fingerprint) = 32),
                        origin TEXT NOT NULL,
                        dispositif TEXT NOT NULL,
                        epoch INTEGER NOT NULL,
                        last_on INTEGER NOT NULL,
                        PRIMARY KEY (fingerprint, origin)
                    ) WITHOUT ROWID;

                    CREATE TABLE import_run (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        finished_at INTEGER NOT NULL,
                        source TEXT NOT NULL,
                        epoch INTEGER NOT NULL,
                        rows_read INTEGER NOT NULL,
                        rows_rejected INTEGER NOT NULL,
                        people INTEGER NOT NULL,
                        upserted INTEGER NOT NULL,
                        retracted INTEGER NOT NULL,
                        unchanged INTEGER NOT NULL,
                        first_seq INTEGER,
                        last_seq INTEGER
                    );
                    """
            )
        }
        migrator.registerMigration("v2: replica checkpoints, peer deliveries, overlap events") { db in
            try db.execute(
                sql: """
                    CREATE TABLE replica_checkpoint (
                        origin TEXT PRIMARY KEY,
                        dispositif TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );

                    CREATE TABLE peer_delivery (
                        peer TEXT PRIMARY KEY,
                        acknowledged INTEGER NOT NULL DEFAULT 0,
                        last_attempt INTEGER,
                        last_success INTEGER,
                        last_error TEXT,
                        failures INTEGER NOT NULL DEFAULT 0
                    );

                    CREATE TABLE overlap_event (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        origin TEXT NOT NULL,
                        dispositif TEXT NOT NULL,
                        epoch INTEGER NOT NULL,
                        fingerprint BLOB NOT NULL CHECK (length(fingerprint) = 32),
                        their_last_on INTEGER NOT NULL,
                        caseworker TEXT,
                        recorded_at INTEGER NOT NULL,
                        read_at INTEGER
                    );
                    CREATE INDEX overlap_event_unread ON overlap_event (read_at, id);
                    """
            )
        }
        migrator.registerMigration("v3: node settings, change-log index for compaction") { db in
            try db.execute(
                sql: """
                    CREATE TABLE node_meta (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    CREATE INDEX change_log_fingerprint ON change_log (epoch, fingerprint, seq);
                    ALTER TABLE peer_delivery ADD COLUMN sent INTEGER NOT NULL DEFAULT 0;
                    """
            )
        }
        // The institution's own dossier number, local like the caseworker: never published, never
        // an AVS number (the importer refuses references that look like one).
        migrator.registerMigration("v4: local dossier reference") { db in
            try db.execute(
                sql: """
                    ALTER TABLE own_followup ADD COLUMN reference TEXT;
                    ALTER TABLE overlap_event ADD COLUMN reference TEXT;
                    """
            )
        }
        // Epochs the coordinator retired: their rows are gone and batches' changes of them are ignored.
        migrator.registerMigration("v5: retired epochs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE retired_epoch (
                        epoch INTEGER PRIMARY KEY,
                        retired_at INTEGER NOT NULL
                    );
                    """
            )
        }
        // Per-origin state of the replica (the last reset generation applied, whether the node
        // ever held the origin's whole set), and which of our own people each origin holds, so
        // that an overlap is an alert only when a person first appears there (or reappears after
        // a retraction). Presence is filled from what is held today, so an upgrade raises nothing.
        migrator.registerMigration("v6: reset generations, overlap presence, existing overlaps") { db in
            try db.execute(
                sql: """
                    CREATE TABLE replica_origin (
                        origin TEXT PRIMARY KEY,
                        reset_generation INTEGER NOT NULL DEFAULT 0,
                        synced INTEGER NOT NULL DEFAULT 0,
                        prune_presence INTEGER NOT NULL DEFAULT 0
                    );
                    INSERT INTO replica_origin (origin, synced) SELECT origin, 1 FROM replica_checkpoint WHERE sequence > 0;

                    CREATE TABLE overlap_presence (
                        origin TEXT NOT NULL,
                        epoch INTEGER NOT NULL,
                        fingerprint BLOB NOT NULL CHECK (length(fingerprint) = 32),
                        PRIMARY KEY (origin, epoch, fingerprint)
                    ) WITHOUT ROWID;
                    INSERT INTO overlap_presence (origin, epoch, fingerprint)
                        SELECT r.origin, r.epoch, r.fingerprint FROM replica r
                        JOIN own_followup o ON o.epoch = r.epoch AND o.fingerprint = r.fingerprint;

                    ALTER TABLE overlap_event ADD COLUMN existing INTEGER NOT NULL DEFAULT 0;
                    """
            )
        }
        migrator.registerMigration("v7: 16-byte fingerprints, compact replica") { db in try migrateToCompactFingerprints(db) }
        return migrator
    }

    /// v7 (issue 15): fingerprints of epochs made since are 16 bytes, so every fingerprint column
    /// accepts 16 or 32 (SQLite cannot alter a CHECK: each table is rebuilt, rows copied as they
    /// are). The replica is rebuilt compact: `replica_entry` holds (fingerprint, source, epoch,
    /// last_on), `source` a small integer naming a row of `replica_source` (origin and its
    /// dispositif, once per origin instead of once per row); the view `replica` shows the old
    /// columns, so readers keep their SQL. AUTOINCREMENT high-water marks are carried over:
    /// change-log sequences are never reused.
    static func migrateToCompactFingerprints(_ db: Database) throws {
        let highWater = try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence WHERE name IN ('change_log', 'overlap_event')")
        try db.execute(
            sql: """
                CREATE TABLE own_followup_v7 (
                    epoch INTEGER NOT NULL,
                    fingerprint BLOB NOT NULL CHECK (length(fingerprint) IN (16, 32)),
                    started_on INTEGER NOT NULL,
                    last_on INTEGER NOT NULL,
                    caseworker TEXT,
                    reference TEXT,
                    PRIMARY KEY (epoch, fingerprint)
                ) WITHOUT ROWID;
                INSERT INTO own_followup_v7 (epoch, fingerprint, started_on, last_on, caseworker, reference)
                    SELECT epoch, fingerprint, started_on, last_on, caseworker, reference FROM own_followup;
                DROP TABLE own_followup;
                ALTER TABLE own_followup_v7 RENAME TO own_followup;

                CREATE TABLE change_log_v7 (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind INTEGER NOT NULL CHECK (kind IN (1, 2)),
                    epoch INTEGER NOT NULL,
                    fingerprint BLOB NOT NULL CHECK (length(fingerprint) IN (16, 32)),
                    last_on INTEGER,
                    recorded_at INTEGER NOT NULL
                );
                INSERT INTO change_log_v7 (seq, kind, epoch, fingerprint, last_on, recorded_at)
                    SELECT seq, kind, epoch, fingerprint, last_on, recorded_at FROM change_log;
                DROP TABLE change_log;
                ALTER TABLE change_log_v7 RENAME TO change_log;
                CREATE INDEX change_log_fingerprint ON change_log (epoch, fingerprint, seq);

                CREATE TABLE overlap_event_v7 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    origin TEXT NOT NULL,
                    dispositif TEXT NOT NULL,
                    epoch INTEGER NOT NULL,
                    fingerprint BLOB NOT NULL CHECK (length(fingerprint) IN (16, 32)),
                    their_last_on INTEGER NOT NULL,
                    caseworker TEXT,
                    recorded_at INTEGER NOT NULL,
                    read_at INTEGER,
                    reference TEXT,
                    existing INTEGER NOT NULL DEFAULT 0
                );
                INSERT INTO overlap_event_v7 (id, origin, dispositif, epoch, fingerprint, their_last_on, caseworker, recorded_at, read_at, reference, existing)
                    SELECT id, origin, dispositif, epoch, fingerprint, their_last_on, caseworker, recorded_at, read_at, reference, existing FROM overlap_event;
                DROP TABLE overlap_event;
                ALTER TABLE overlap_event_v7 RENAME TO overlap_event;
                CREATE INDEX overlap_event_unread ON overlap_event (read_at, id);

                CREATE TABLE overlap_presence_v7 (
                    origin TEXT NOT NULL,
                    epoch INTEGER NOT NULL,
                    fingerprint BLOB NOT NULL CHECK (length(fingerprint) IN (16, 32)),
                    PRIMARY KEY (origin, epoch, fingerprint)
                ) WITHOUT ROWID;
                INSERT INTO overlap_presence_v7 (origin, epoch, fingerprint) SELECT origin, epoch, fingerprint FROM overlap_presence;
                DROP TABLE overlap_presence;
                ALTER TABLE overlap_presence_v7 RENAME TO overlap_presence;

                CREATE TABLE replica_source (
                    id INTEGER PRIMARY KEY,
                    origin TEXT NOT NULL UNIQUE,
                    dispositif TEXT NOT NULL
                );
                CREATE TABLE replica_entry (
                    fingerprint BLOB NOT NULL CHECK (length(fingerprint) IN (16, 32)),
                    source INTEGER NOT NULL,
                    epoch INTEGER NOT NULL,
                    last_on INTEGER NOT NULL,
                    PRIMARY KEY (fingerprint, source)
                ) WITHOUT ROWID;
                INSERT INTO replica_source (origin, dispositif)
                    SELECT origin, coalesce((SELECT dispositif FROM replica_checkpoint c WHERE c.origin = r.origin), max(dispositif))
                    FROM replica r GROUP BY origin ORDER BY origin;
                INSERT INTO replica_entry (fingerprint, source, epoch, last_on)
                    SELECT r.fingerprint, s.id, r.epoch, r.last_on FROM replica r JOIN replica_source s ON s.origin = r.origin
                    ORDER BY r.fingerprint, s.id;
                DROP TABLE replica;
                CREATE VIEW replica (fingerprint, origin, dispositif, epoch, last_on) AS
                    SELECT e.fingerprint, s.origin, s.dispositif, e.epoch, e.last_on FROM replica_entry e JOIN replica_source s ON s.id = e.source;
                """
        )
        for row in highWater {
            let name: String = row[0]
            let seq: Int64 = row[1]
            try db.execute(literal: "DELETE FROM sqlite_sequence WHERE name = \(name)")
            try db.execute(literal: "INSERT INTO sqlite_sequence (name, seq) VALUES (\(name), \(seq))")
        }
    }
}
