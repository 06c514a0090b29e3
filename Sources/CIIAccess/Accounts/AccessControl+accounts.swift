import CIIAudit
public import CIICore
import Foundation
import GRDB
import Sodium

extension AccessControl {
    /// A new account and the one-time password to hand to its owner (shown once, never stored).
    public struct NewCredentials: Sendable {
        /// The account.
        public let account: Account
        /// The first password; it must be changed at the first login.
        public let oneTimePassword: String
    }

    /// Creates an account with a one-time password.
    /// - Parameters:
    ///   - email: where login codes go.
    ///   - name: the person's name.
    ///   - language: fr or de.
    ///   - role: one of ``AccountRole/available(on:)`` for this node.
    ///   - caseworker: the identifier the institution's export uses for this person (routes overlap alerts).
    ///   - region: the region of a regional coordinator (required for that role, refused for others).
    ///   - collaborator: the collaborator directory entry of the person (coordinator node).
    ///   - actor: who asks, for the audit log (`cli`, `account:3`).
    public func createAccount(
        email: String,
        name: String,
        language: Language,
        role: AccountRole,
        caseworker: String?,
        region: String? = nil,
        collaborator: Int64? = nil,
        by actor: String
    ) throws(AccessError) -> NewCredentials {
        let email = email.trimmingCharacters(in: .whitespaces)
        let name = name.trimmingCharacters(in: .whitespaces)
        try Self.validate(email: email)
        guard !name.isEmpty, name.count <= 120, !name.contains(where: \.isNewline) else {
            throw AccessError(
                .invalidField,
                "the name must be 1 to 120 characters on one line",
                text: LocalizedText(
                    fr: "Le nom doit compter de 1 à 120 caractères, sur une ligne.",
                    de: "Der Name muss 1 bis 120 Zeichen auf einer Zeile umfassen.",
                    en: "The name must be 1 to 120 characters on one line."
                )
            )
        }
        guard language != .en else { throw AccessError(.invalidField, "the language of an account is fr or de") }
        let caseworker = try Self.validate(caseworker: caseworker)
        let region = try validate(role: role, region: region)
        let password = OneTimePassword.make()
        let hash = try Self.hash(password)
        let account = try store.insertAccount(
            email: email,
            name: name,
            language: language,
            role: role,
            caseworker: caseworker,
            region: region,
            collaborator: collaborator,
            passwordHash: hash,
            now: now()
        )
        var details = [("role", role.rawValue), ("language", language.rawValue)]
        if let region { details.append(("region", region.rawValue)) }
        if let collaborator { details.append(("collaborator", String(collaborator))) }
        record(.accountCreated, actor: actor, subject: account.auditName, details)
        return NewCredentials(account: account, oneTimePassword: password)
    }

    /// Every account, ordered by name.
    public func accounts() throws(AccessError) -> [Account] { try store.accounts() }

    /// Disables an account and ends its sessions.
    public func disable(_ id: Int64, by actor: String) throws(AccessError) -> Account {
        let account = try store.updateAccount(id, "active = 0, disabled_reason = 'admin'")
        try endSessions(of: id)
        record(.accountDisabled, actor: actor, subject: account.auditName, [("reason", "admin")])
        return account
    }

    /// Renews an account: active again for four months from now.
    public func renew(_ id: Int64, by actor: String) throws(AccessError) -> Account {
        let account = try store.updateAccount(
            id,
            "active = 1, disabled_reason = NULL, last_used_at = ?",
            [now().timeIntervalSince1970]
        )
        record(.accountRenewed, actor: actor, subject: account.auditName)
        return account
    }

    /// Gives an account a new one-time password and ends its sessions.
    /// - Parameter removeTOTP: also forget its authenticator app (lost phone): codes go by e-mail again.
    public func resetPassword(_ id: Int64, removeTOTP: Bool = false, by actor: String) throws(AccessError) -> NewCredentials {
        let password = OneTimePassword.make()
        let hash = try Self.hash(password)
        let totp = removeTOTP ? ", second_factor = 'email', totp_secret = NULL, totp_last_step = NULL" : ""
        let account = try store.updateAccount(
            id,
            "password_hash = ?, must_change_password = 1\(totp)",
            [hash]
        )
        try endSessions(of: id)
        record(.accountReset, actor: actor, subject: account.auditName, [("totp_removed", removeTOTP ? "yes" : "no")])
        return NewCredentials(account: account, oneTimePassword: password)
    }

    /// Changes the role (with its region), language, caseworker identifier or collaborator link of
    /// an account. A regional coordinator always has a region; other roles have none.
    public func update(
        _ id: Int64,
        role: AccountRole? = nil,
        region: String?? = nil,
        language: Language? = nil,
        caseworker: String?? = nil,
        collaborator: Int64?? = nil,
        by actor: String
    ) throws(AccessError) -> Account {
        var sets: [String] = []
        var arguments: StatementArguments = []
        var details: [(String, String)] = []
        if role != nil || region != nil {
            let current = try account(id)
            let newRole = role ?? current.role
            let newRegion = try validate(role: newRole, region: region ?? (role == nil ? current.region?.rawValue : nil))
            sets.append("role = ?, region = ?")
            _ = arguments.append(contentsOf: [newRole.rawValue, newRegion?.rawValue])
            details.append(("role", newRole.rawValue))
            if let newRegion { details.append(("region", newRegion.rawValue)) }
        }
        if let collaborator {
            sets.append("collaborator = ?")
            _ = arguments.append(contentsOf: [collaborator])
            details.append(("collaborator", collaborator.map(String.init) ?? "none"))
        }
        if let language {
            guard language != .en else { throw AccessError(.invalidField, "the language of an account is fr or de") }
            sets.append("language = ?")
            _ = arguments.append(contentsOf: [language.rawValue])
            details.append(("language", language.rawValue))
        }
        if let caseworker {
            let value = try Self.validate(caseworker: caseworker)
            sets.append("caseworker = ?")
            _ = arguments.append(contentsOf: [value])
            details.append(("caseworker", value == nil ? "none" : "set"))
        }
        guard !sets.isEmpty else { throw AccessError(.invalidField, "nothing to change") }
        let account = try store.updateAccount(id, sets.joined(separator: ", "), arguments)
        let ownLanguage = actor == account.auditName && role == nil && region == nil && caseworker == nil && collaborator == nil
        record(ownLanguage ? .languageChanged : .accountChanged, actor: actor, subject: account.auditName, details)
        return account
    }

    /// The account `id`, or an error naming it.
    public func account(_ id: Int64) throws(AccessError) -> Account {
        guard let account = try store.account(id: id) else { throw AccessError.noAccount(id) }
        return account
    }

    static func validate(email: String) throws(AccessError) {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            email.count <= 254, !email.contains(where: { $0.isWhitespace || $0.isNewline || "<>()[],;:\"\\".contains($0) })
        else {
            throw AccessError(
                .invalidField,
                "`\(email.prefix(80))` is not an e-mail address such as anne.muster@vs.ch",
                text: LocalizedText(
                    fr: "« \(email.prefix(80)) » n'est pas une adresse e-mail (par ex. anne.muster@vs.ch).",
                    de: "«\(email.prefix(80))» ist keine E-Mail-Adresse (z. B. anne.muster@vs.ch).",
                    en: "`\(email.prefix(80))` is not an e-mail address such as anne.muster@vs.ch."
                )
            )
        }
    }

    /// Checks that `role` exists on this node and that a region is given exactly for a regional
    /// coordinator; returns the region, read from its code or name (``Region/init(code:)``).
    func validate(role: AccountRole, region: String?) throws(AccessError) -> Region? {
        let available = AccountRole.available(on: nodeRole)
        guard available.contains(role) else {
            let names = available.map(\.rawValue).joined(separator: ", ")
            throw AccessError(
                .invalidField,
                "the role \(role.rawValue) does not exist on a \(nodeRole.rawValue) node; choose one of \(names)",
                text: LocalizedText(
                    fr: "Le rôle « \(role.rawValue) » n'existe pas sur ce nœud ; rôles possibles : \(names).",
                    de: "Die Rolle «\(role.rawValue)» gibt es auf diesem Knoten nicht; mögliche Rollen: \(names).",
                    en: "The role \(role.rawValue) does not exist on this node; choose one of \(names)."
                )
            )
        }
        let text = region?.trimmingCharacters(in: .whitespaces) ?? ""
        let codes = Region.allCases.map { "\($0.rawValue) (\($0.label(.fr)))" }.joined(separator: ", ")
        switch (role, text.isEmpty) {
        case (.coordinator, true):
            throw AccessError(
                .invalidField,
                "a regional coordinator needs a region: \(codes)",
                text: LocalizedText(
                    fr: "Un coordinateur régional a besoin d'une région.",
                    de: "Eine regionale Koordination braucht eine Region.",
                    en: "A regional coordinator needs a region."
                )
            )
        case (.coordinator, false):
            guard let found = Region(code: text) else {
                throw AccessError(
                    .invalidField,
                    "`\(text.prefix(40))` is not a region; choose one of \(codes)",
                    text: LocalizedText(
                        fr: "« \(text.prefix(40)) » n'est pas une région.",
                        de: "«\(text.prefix(40))» ist keine Region.",
                        en: "`\(text.prefix(40))` is not a region."
                    )
                )
            }
            return found
        case (_, true): return nil
        case (_, false):
            throw AccessError(
                .invalidField,
                "only a regional coordinator has a region",
                text: LocalizedText(
                    fr: "Seul un coordinateur régional a une région.",
                    de: "Nur eine regionale Koordination hat eine Region.",
                    en: "Only a regional coordinator has a region."
                )
            )
        }
    }

    static func validate(caseworker: String?) throws(AccessError) -> String? {
        guard let value = caseworker?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard value.count <= 64, !value.contains(where: { $0.isNewline || $0 == "\t" }) else {
            throw AccessError(
                .invalidField,
                "the caseworker identifier must be at most 64 characters on one line",
                text: LocalizedText(
                    fr: "L'identifiant dans les exports compte au plus 64 caractères, sur une ligne.",
                    de: "Die Kennung in den Exporten umfasst höchstens 64 Zeichen auf einer Zeile.",
                    en: "The caseworker identifier must be at most 64 characters on one line."
                )
            )
        }
        return value
    }

    static func hash(_ password: String) throws(AccessError) -> String {
        do {
            return try PasswordHash.hash(password)
        } catch {
            throw AccessError(.storage, "the password could not be hashed: \(error)")
        }
    }
}
