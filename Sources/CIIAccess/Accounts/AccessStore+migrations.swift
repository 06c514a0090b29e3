import GRDB

extension AccessStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: accounts, logins, sessions, tokens") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                        name TEXT NOT NULL,
                        language TEXT NOT NULL,
                        role TEXT NOT NULL,
                        caseworker TEXT COLLATE NOCASE,
                        password_hash TEXT NOT NULL,
                        must_change_password INTEGER NOT NULL,
                        second_factor TEXT NOT NULL DEFAULT 'email',
                        totp_secret TEXT,
                        totp_last_step INTEGER,
                        active INTEGER NOT NULL DEFAULT 1,
                        disabled_reason TEXT,
                        failed_logins INTEGER NOT NULL DEFAULT 0,
                        locked_until REAL,
                        last_used_at REAL NOT NULL,
                        created_at REAL NOT NULL,
                        wants_digest INTEGER NOT NULL DEFAULT 1,
                        digest_sent_at REAL
                    );
                    CREATE INDEX account_caseworker ON account (caseworker);
                    CREATE TABLE login_challenge (
                        token_hash BLOB PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        method TEXT NOT NULL,
                        code_hash BLOB,
                        created_at REAL NOT NULL,
                        expires_at REAL NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0
                    ) WITHOUT ROWID;
                    CREATE TABLE session (
                        token_hash BLOB PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        csrf TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        last_seen_at REAL NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX session_account ON session (account_id);
                    CREATE TABLE api_token (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        token_hash BLOB NOT NULL UNIQUE,
                        scope TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        created_by TEXT NOT NULL,
                        revoked_at REAL,
                        last_used_at REAL
                    );
                    """
            )
        }
        migrator.registerMigration("v2: login delays instead of account locks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE login_throttle (
                        key BLOB PRIMARY KEY,
                        failures INTEGER NOT NULL,
                        last_failure_at REAL NOT NULL
                    ) WITHOUT ROWID;
                    ALTER TABLE account DROP COLUMN locked_until;
                    ALTER TABLE account DROP COLUMN failed_logins;
                    """
            )
        }
        migrator.registerMigration("v3: registry roles on the coordinator") { db in
            try db.execute(
                sql: """
                    ALTER TABLE account ADD COLUMN region TEXT;
                    ALTER TABLE account ADD COLUMN collaborator INTEGER;
                    """
            )
        }
        migrator.registerMigration("v4: SwissID links, invitations and logins under way") { db in
            try db.execute(
                sql: """
                    CREATE TABLE swissid_link (
                        account_id INTEGER PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
                        subject TEXT NOT NULL UNIQUE,
                        linked_at REAL NOT NULL,
                        linked_by TEXT NOT NULL
                    );
                    CREATE TABLE swissid_invitation (
                        token_hash BLOB PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        expires_at REAL NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE swissid_login (
                        state_hash BLOB PRIMARY KEY,
                        browser_hash BLOB NOT NULL,
                        nonce TEXT NOT NULL,
                        verifier TEXT NOT NULL,
                        invitation_hash BLOB,
                        expires_at REAL NOT NULL
                    ) WITHOUT ROWID;
                    """
            )
        }
        return migrator
    }
}
