import CIICore
import Foundation
import GRDB

extension AccessStore {
    static let accountColumns = """
        id, email, name, language, role, caseworker, active, disabled_reason, must_change_password, second_factor,
        last_used_at, created_at, wants_digest, region, collaborator
        """

    static func account(_ row: Row) -> Account {
        Account(
            id: row[0],
            email: row[1],
            name: row[2],
            language: Language(rawValue: row[3]) ?? .fr,
            role: AccountRole(rawValue: row[4]) ?? .caseworker,
            caseworker: row[5],
            region: (row[13] as String?).flatMap(Region.init(rawValue:)),
            collaborator: row[14],
            isActive: row[6],
            disabledReason: row[7],
            mustChangePassword: row[8],
            secondFactor: SecondFactor(rawValue: row[9]) ?? .email,
            lastUsedAt: Date(timeIntervalSince1970: row[10]),
            createdAt: Date(timeIntervalSince1970: row[11]),
            wantsDigest: row[12]
        )
    }

    /// Every account, ordered by name.
    public func accounts() throws(AccessError) -> [Account] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.accountColumns) FROM account ORDER BY name COLLATE NOCASE, id").map(Self.account)
        }
    }

    /// The account numbered `id`, if any.
    public func account(id: Int64) throws(AccessError) -> Account? {
        try read { db in
            try Row.fetchOne(try db.cachedStatement(sql: "SELECT \(Self.accountColumns) FROM account WHERE id = ?"), arguments: [id]).map(
                Self.account
            )
        }
    }

    /// The account with the e-mail `email` (without case), if any.
    public func account(email: String) throws(AccessError) -> Account? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns) FROM account WHERE email = ?", arguments: [email]).map(Self.account)
        }
    }

    /// The active account whose caseworker identifier is `caseworker` (without case), if any.
    public func account(caseworker: String) throws(AccessError) -> Account? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT \(Self.accountColumns) FROM account WHERE caseworker = ? AND active ORDER BY id LIMIT 1",
                arguments: [caseworker]
            ).map(Self.account)
        }
    }

    func insertAccount(
        email: String,
        name: String,
        language: Language,
        role: AccountRole,
        caseworker: String?,
        region: Region?,
        collaborator: Int64?,
        passwordHash: String,
        now: Date
    ) throws(AccessError) -> Account {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE email = ?", arguments: [email]) == true {
                throw AccessError(
                    .duplicateEmail,
                    "an account with the e-mail \(email) exists already",
                    text: LocalizedText(
                        fr: "Un compte avec l'adresse \(email) existe déjà.",
                        de: "Ein Konto mit der Adresse \(email) besteht bereits.",
                        en: "An account with the e-mail \(email) exists already."
                    )
                )
            }
            try db.execute(
                sql: """
                    INSERT INTO account (email, name, language, role, caseworker, region, collaborator, password_hash, must_change_password,
                        last_used_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                    """,
                arguments: [
                    email, name, language.rawValue, role.rawValue, caseworker, region?.rawValue, collaborator, passwordHash,
                    now.timeIntervalSince1970,
                    now.timeIntervalSince1970,
                ]
            )
            let id = db.lastInsertedRowID
            return try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns) FROM account WHERE id = ?", arguments: [id]).map(Self.account)!
        }
    }

    /// Runs `sql` on the account `id` and returns the account as it is afterwards.
    func updateAccount(_ id: Int64, _ sql: String, _ arguments: StatementArguments = []) throws(AccessError) -> Account {
        try write { db in
            try db.execute(sql: "UPDATE account SET \(sql) WHERE id = ?", arguments: arguments + [id])
            guard db.changesCount == 1 else { throw AccessError.noAccount(id) }
            return try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns) FROM account WHERE id = ?", arguments: [id]).map(Self.account)!
        }
    }

    /// The account with the e-mail `email` and its password hash, read together (one query for
    /// a known and an unknown e-mail alike).
    func credentials(email: String) throws(AccessError) -> (account: Account, hash: String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns), password_hash FROM account WHERE email = ?", arguments: [email])
            else { return nil }
            return (Self.account(row), row[15])
        }
    }

    func passwordHash(of id: Int64) throws(AccessError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT password_hash FROM account WHERE id = ?", arguments: [id]) }
    }

    func totpState(of id: Int64) throws(AccessError) -> (secret: String?, lastStep: Int64?) {
        guard let row = try row("SELECT totp_secret, totp_last_step FROM account WHERE id = ?", [id]) else { return (nil, nil) }
        let secret: String? = row[0]
        let step: Int64? = row[1]
        return (secret, step)
    }
}
