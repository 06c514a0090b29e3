import CIIAudit
import CIICore
import Foundation
import GRDB

extension AccessControl {
    /// The prefix of every API token, so that one found in a file or a log is recognised.
    public static let tokenPrefix = "ciid_"

    /// Creates an API token; its secret is returned once and only its hash is kept.
    public func createToken(name: String, scope: APIToken.Scope = .checks, by actor: String) throws(AccessError) -> (token: APIToken, secret: String)
    {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 80, !name.contains(where: \.isNewline) else {
            throw AccessError(
                .invalidField,
                "a token's name is 1 to 80 characters on one line, such as `dossier-system`",
                text: LocalizedText(
                    fr: "Le nom d'un jeton compte de 1 à 80 caractères, sur une ligne (par ex. dossier-system).",
                    de: "Der Name eines Tokens umfasst 1 bis 80 Zeichen auf einer Zeile (z. B. dossier-system).",
                    en: "A token's name is 1 to 80 characters on one line, such as dossier-system."
                )
            )
        }
        let secret = SecretToken.make(prefix: Self.tokenPrefix)
        let moment = now()
        let hash = SecretToken.hash(secret)
        let id = try store.write { db in
            try db.execute(
                sql: "INSERT INTO api_token (name, token_hash, scope, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                arguments: [name, hash, scope.rawValue, moment.timeIntervalSince1970, actor]
            )
            return db.lastInsertedRowID
        }
        try tokens.reload()
        let token = APIToken(id: id, name: name, scope: scope, createdAt: moment, createdBy: actor, revokedAt: nil)
        record(.tokenCreated, actor: actor, subject: token.auditName, [("scope", scope.rawValue)])
        return (token, secret)
    }

    /// Every token, revoked ones included, newest first.
    public func apiTokens() throws(AccessError) -> [APIToken] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, scope, created_at, created_by, revoked_at FROM api_token ORDER BY id DESC").map { row in
                APIToken(
                    id: row[0],
                    name: row[1],
                    scope: APIToken.Scope(rawValue: row[2]) ?? .checks,
                    createdAt: Date(timeIntervalSince1970: row[3]),
                    createdBy: row[4],
                    revokedAt: (row[5] as Double?).map(Date.init(timeIntervalSince1970:))
                )
            }
        }
    }

    /// Revokes the token `id` at once.
    public func revokeToken(_ id: Int64, by actor: String) throws(AccessError) {
        let moment = now().timeIntervalSince1970
        let changed = try store.write { db in
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [moment, id])
            return db.changesCount
        }
        guard changed == 1 else { throw AccessError.noToken(id) }
        try tokens.reload()
        record(.tokenRevoked, actor: actor, subject: "token:\(id)")
    }

    /// The live token whose secret is `secret`, or nil.
    public func token(secret: String) throws(AccessError) -> APIToken? {
        guard secret.utf8.count < 200, secret.hasPrefix(Self.tokenPrefix) else { return nil }
        return try tokens.token(digest: TokenDigest(secret: secret))
    }
}
