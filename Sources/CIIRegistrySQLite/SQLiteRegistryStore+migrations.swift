import GRDB

extension SQLiteRegistryStore {
    /// The schema. Dates are days since 1970-01-01 (INTEGER); sealed columns are BLOBs
    /// (XChaCha20-Poly1305 under the registry key, bound to their row and field). No column holds
    /// a plain AVS number.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: people, case periods, history, notices, directory, codes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE person (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        avs_index BLOB NOT NULL UNIQUE CHECK (length(avs_index) = 32),
                        avs_sealed BLOB NOT NULL,
                        surname TEXT NOT NULL,
                        first_name TEXT NOT NULL,
                        surname_folded TEXT NOT NULL,
                        first_name_folded TEXT NOT NULL,
                        birth_date INTEGER NOT NULL,
                        sex TEXT NOT NULL,
                        language TEXT NOT NULL,
                        education TEXT NOT NULL
                    );
                    CREATE INDEX person_name ON person (surname_folded, first_name_folded);
                    CREATE INDEX person_first_name ON person (first_name_folded);
                    CREATE INDEX person_birth_date ON person (birth_date);

                    CREATE TABLE case_period (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        person_id INTEGER NOT NULL REFERENCES person (id),
                        version INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        region TEXT NOT NULL,
                        dispositif TEXT NOT NULL,
                        announced_on INTEGER NOT NULL,
                        opened_on INTEGER,
                        closed_on INTEGER,
                        gravity INTEGER,
                        weights_version INTEGER,
                        announcement TEXT NOT NULL,
                        situation_sealed BLOB NOT NULL,
                        gravity_score TEXT,
                        collaborators TEXT NOT NULL,
                        documents TEXT NOT NULL,
                        logbook_sealed BLOB NOT NULL,
                        medical_mandate TEXT NOT NULL,
                        decision TEXT NOT NULL,
                        services TEXT NOT NULL,
                        cancellation_sealed BLOB,
                        power_expiry INTEGER,
                        updated_at REAL NOT NULL
                    );
                    CREATE INDEX case_person ON case_period (person_id);
                    CREATE INDEX case_region ON case_period (region, status);
                    CREATE INDEX case_announced ON case_period (announced_on);
                    CREATE INDEX case_power_expiry ON case_period (power_expiry) WHERE power_expiry IS NOT NULL;

                    CREATE TABLE case_collaborator (
                        collaborator_id INTEGER NOT NULL,
                        case_id INTEGER NOT NULL REFERENCES case_period (id),
                        PRIMARY KEY (collaborator_id, case_id)
                    ) WITHOUT ROWID;

                    CREATE TABLE case_service_type (
                        type TEXT NOT NULL,
                        case_id INTEGER NOT NULL REFERENCES case_period (id),
                        PRIMARY KEY (type, case_id)
                    ) WITHOUT ROWID;

                    CREATE TABLE history (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        case_id INTEGER NOT NULL REFERENCES case_period (id),
                        at REAL NOT NULL,
                        actor TEXT NOT NULL,
                        field TEXT NOT NULL,
                        old_value BLOB,
                        new_value BLOB,
                        sealed INTEGER NOT NULL
                    );
                    CREATE INDEX history_case ON history (case_id, id);

                    CREATE TABLE bureau_notice (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        case_id INTEGER NOT NULL REFERENCES case_period (id),
                        actor TEXT NOT NULL,
                        at REAL NOT NULL,
                        reason_sealed BLOB NOT NULL,
                        read_at REAL
                    );

                    CREATE TABLE collaborator (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        dispositif TEXT NOT NULL,
                        region TEXT NOT NULL,
                        phone TEXT NOT NULL,
                        email TEXT NOT NULL,
                        function TEXT NOT NULL
                    );

                    CREATE TABLE document_code (
                        code TEXT PRIMARY KEY,
                        label_fr TEXT NOT NULL,
                        label_de TEXT NOT NULL,
                        power_of_attorney INTEGER NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v2: the day a case ended, for retention") { db in
            try db.execute(
                sql: """
                    ALTER TABLE case_period ADD COLUMN ended_on INTEGER;
                    UPDATE case_period SET ended_on = CASE WHEN status = 'cancelled' THEN CAST(updated_at / 86400 AS INTEGER)
                        ELSE closed_on END;
                    CREATE INDEX case_ended ON case_period (ended_on) WHERE ended_on IS NOT NULL;
                    """
            )
        }
        // The search rows and notices are replaced or deleted by case id at every change of a case
        // and by the retention sweep; their primary keys begin with another column, so without
        // these each change scanned the whole table (seen at 100,000 cases in the benchmark).
        migrator.registerMigration("v3: case ids of the search rows and notices indexed") { db in
            try db.execute(
                sql: """
                    CREATE INDEX case_collaborator_case ON case_collaborator (case_id);
                    CREATE INDEX case_service_type_case ON case_service_type (case_id);
                    CREATE INDEX bureau_notice_case ON bureau_notice (case_id);
                    """
            )
        }
        // Searches read one narrow row per case period (what the filters, the sort orders and a
        // result line need) instead of joining the wide case rows (about 1.2 kB each: tabs as JSON
        // and sealed texts) to the people: at 100,000 cases a broad search counted and sorted tens
        // of MB of pages. The indexes let every filter count from an index alone and the name order
        // be walked in order. Kept in step by the store's writes (save, person update, delete).
        migrator.registerMigration("v4: a narrow search row per case period") { db in
            try db.execute(
                sql: """
                    CREATE TABLE case_search (
                        case_id INTEGER PRIMARY KEY REFERENCES case_period (id),
                        person_id INTEGER NOT NULL REFERENCES person (id),
                        status TEXT NOT NULL,
                        region TEXT NOT NULL,
                        dispositif TEXT NOT NULL,
                        announced_on INTEGER NOT NULL,
                        opened_on INTEGER,
                        closed_on INTEGER,
                        surname_folded TEXT NOT NULL,
                        first_name_folded TEXT NOT NULL,
                        birth_date INTEGER NOT NULL,
                        surname TEXT NOT NULL,
                        first_name TEXT NOT NULL
                    );
                    INSERT INTO case_search
                        SELECT c.id, c.person_id, c.status, c.region, c.dispositif, c.announced_on, c.opened_on, c.closed_on,
                               p.surname_folded, p.first_name_folded, p.birth_date, p.surname, p.first_name
                        FROM case_period c JOIN person p ON p.id = c.person_id;
                    CREATE INDEX case_search_name ON case_search
                        (surname_folded, first_name_folded, case_id, status, region, dispositif, announced_on);
                    CREATE INDEX case_search_first_name ON case_search (first_name_folded);
                    CREATE INDEX case_search_birth_date ON case_search (birth_date);
                    CREATE INDEX case_search_person ON case_search (person_id);
                    CREATE INDEX case_search_region ON case_search (region, status, announced_on);
                    CREATE INDEX case_search_dispositif ON case_search (dispositif, status, announced_on);
                    CREATE INDEX case_search_status ON case_search (status, announced_on);
                    CREATE INDEX case_search_announced ON case_search (announced_on);
                    CREATE INDEX case_search_opened ON case_search (opened_on) WHERE opened_on IS NOT NULL;
                    CREATE INDEX case_search_closed ON case_search (closed_on) WHERE closed_on IS NOT NULL;
                    """
            )
        }
        migrator.registerMigration("v5: trainings and regional days") { db in
            try db.execute(
                sql: """
                    CREATE TABLE training (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        kind TEXT NOT NULL,
                        title TEXT NOT NULL,
                        date INTEGER NOT NULL,
                        region TEXT NOT NULL,
                        language TEXT NOT NULL,
                        participants INTEGER NOT NULL
                    );
                    CREATE INDEX training_date ON training (date);
                    """
            )
        }
        // The annual report's figures of a past year (counts only, as JSON), kept the first day the
        // coordinator runs in the next year: retention deletes the cases, the report stays.
        migrator.registerMigration("v6: annual report snapshots") { db in
            try db.execute(
                sql: """
                    CREATE TABLE annual_report_snapshot (
                        year INTEGER PRIMARY KEY,
                        taken_on INTEGER NOT NULL,
                        figures TEXT NOT NULL
                    );
                    """
            )
        }
        return migrator
    }
}
