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
        return migrator
    }
}
