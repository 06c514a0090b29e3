import GRDB

extension NodeStore {
    /// The schema, one migration per version. Dates are days since 1970-01-01 (INTEGER);
    /// fingerprints are 32-byte BLOBs. No table has a column for a plain AVS number.
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
        return migrator
    }
}
