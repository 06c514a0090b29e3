import CIIAudit
import CIICore
import Foundation
import GRDB
import Logging
import Sodium

extension AccessControl {
    /// Minutes between sending a browser to SwissID and its coming back.
    static let swissIDLoginMinutes = 10.0
    /// SwissID logins that may be under way at once (begun in the last ten minutes, not finished).
    static let swissIDLoginsUnderWay = 10_000
    /// Days an invitation to link a SwissID stays valid.
    public static let swissIDInvitationDays = 7

    /// Begins a SwissID login: a new `state`, `nonce`, PKCE verifier and browser secret, kept
    /// (hashed where they are bearer secrets) for ten minutes; with an invitation, only if it is
    /// still valid.
    /// - Parameter invitation: the token of the invitation link the person followed, if any.
    /// - Throws: ``AccessError/Code/busy`` when ``swissIDLoginsUnderWay`` logins are under way
    ///   already (anyone can begin one: the table must not grow without bound).
    /// - Returns: nil when the invitation is unknown, used or expired.
    public func beginSwissIDLogin(invitation: String?, client: String) throws(AccessError) -> SwissIDStart? {
        let moment = now().timeIntervalSince1970
        let invitationHash = invitation.map(SecretToken.hash)
        if let invitationHash {
            let valid = try store.row("SELECT 1 FROM swissid_invitation WHERE token_hash = ? AND expires_at > ?", [invitationHash, moment])
            guard valid != nil else {
                record(
                    .loginFailed,
                    actor: "anonymous",
                    outcome: "refused",
                    [("method", "swissid"), ("reason", "invitation_invalid"), ("client", client)]
                )
                return nil
            }
        }
        let start = SwissIDStart(state: SecretToken.make(), nonce: SecretToken.make(), verifier: SecretToken.make(), browser: SecretToken.make())
        let expires = moment + Self.swissIDLoginMinutes * 60
        let limit = Self.swissIDLoginsUnderWay
        let full = try store.write { db -> Bool in
            try db.execute(literal: "DELETE FROM swissid_login WHERE expires_at < \(moment)")
            guard try SQLRequest<Int>(literal: "SELECT COUNT(*) FROM swissid_login").fetchOne(db) ?? 0 < limit else { return true }
            try db.execute(
                literal: """
                    INSERT INTO swissid_login (state_hash, browser_hash, nonce, verifier, invitation_hash, expires_at)
                    VALUES (\(SecretToken.hash(start.state)), \(SecretToken.hash(start.browser)), \(start.nonce), \(start.verifier),
                            \(invitationHash), \(expires))
                    """
            )
            return false
        }
        if full {
            record(.loginFailed, actor: "anonymous", outcome: "refused", [("method", "swissid"), ("reason", "busy"), ("client", client)])
            throw AccessError(.busy, "\(limit) SwissID logins are under way already; try again in a few minutes")
        }
        return start
    }

    /// Takes the login of `state` (it can be taken once: a replayed answer finds nothing), if it is
    /// not expired and `browser` is its cookie's secret (the browser that began it).
    public func takeSwissIDLogin(state: String, browser: String?, client: String) throws(AccessError) -> SwissIDPending? {
        let hash = SecretToken.hash(state)
        let moment = now().timeIntervalSince1970
        let found = try store.write { db -> StoredRow? in
            try SQLRequest<Row>(
                literal: "DELETE FROM swissid_login WHERE state_hash = \(hash) RETURNING browser_hash, nonce, verifier, invitation_hash, expires_at"
            ).fetchOne(db).map(StoredRow.init)
        }
        let reason: String?
        if let found {
            let stored: Data = found[0]
            let sameBrowser = browser.map { Sodium.constantTimeEqual([UInt8](stored), [UInt8](SecretToken.hash($0))) } ?? false
            reason = (found[4] as Double) <= moment ? "login_expired" : sameBrowser ? nil : "other_browser"
        } else {
            reason = "state_unknown"
        }
        if let reason {
            record(.loginFailed, actor: "anonymous", outcome: "refused", [("method", "swissid"), ("reason", reason), ("client", client)])
            return nil
        }
        guard let found else { return nil }
        return SwissIDPending(nonce: found[1], verifier: found[2], invitation: found[3])
    }

    /// Records a login whose provider answer or ID token was refused (``SwissIDError``'s code only).
    public func recordSwissIDFailure(_ error: SwissIDError, client: String) {
        record(.loginFailed, actor: "anonymous", outcome: "refused", [("method", "swissid"), ("reason", error.code.rawValue), ("client", client)])
        logger.warning("a SwissID login was refused: \(error)")
    }

    /// Opens a session for the account linked to `identity`; a login begun from an invitation
    /// first links the invitation's account to this SwissID (and uses the invitation up).
    public func completeSwissIDLogin(_ identity: SwissIDIdentity, pending: SwissIDPending, client: String) throws(AccessError) -> SwissIDLogin {
        let subject = identity.subject
        let reference = Self.subjectReference(subject)
        if let invitation = pending.invitation {
            let moment = now().timeIntervalSince1970
            let linked = try store.write { db -> (account: Int64?, refusal: String?, new: Bool) in
                guard
                    let account = try SQLRequest<Int64>(
                        literal: "DELETE FROM swissid_invitation WHERE token_hash = \(invitation) AND expires_at > \(moment) RETURNING account_id"
                    ).fetchOne(db)
                else { return (nil, "invitation_invalid", false) }
                let other = try SQLRequest<Int64>(literal: "SELECT account_id FROM swissid_link WHERE subject = \(subject)").fetchOne(db)
                let current = try SQLRequest<String>(literal: "SELECT subject FROM swissid_link WHERE account_id = \(account)").fetchOne(db)
                if let other, other != account { return (account, "already_linked", false) }
                if let current, current != subject { return (account, "already_linked", false) }
                if current == nil { try Self.insertLink(db, account: account, subject: subject, moment: moment, by: "invitation") }
                return (account, nil, current == nil)
            }
            if let reason = linked.refusal {
                record(
                    .loginFailed,
                    actor: "anonymous",
                    subject: linked.account.map { "account:\($0)" },
                    outcome: "refused",
                    [("method", "swissid"), ("reason", reason), ("swissid_ref", reference), ("client", client)]
                )
                return .refused(reason == "invitation_invalid" ? .invitationInvalid : .alreadyLinked)
            }
            if linked.new, let account = linked.account {
                record(
                    .accountChanged,
                    actor: "account:\(account)",
                    subject: "account:\(account)",
                    [("swissid", "linked"), ("by", "invitation"), ("swissid_ref", reference)]
                )
            }
        }
        guard let id = try store.row("SELECT account_id FROM swissid_link WHERE subject = ?", [subject]).map({ $0[0] as Int64 }),
            let account = try store.account(id: id)
        else {
            record(
                .loginFailed,
                actor: "anonymous",
                outcome: "refused",
                [("method", "swissid"), ("reason", "unlinked"), ("swissid_ref", reference), ("client", client)]
            )
            return .refused(.unlinked)
        }
        if !account.isActive {
            record(.loginFailed, actor: account.auditName, outcome: "refused", [("method", "swissid"), ("reason", "disabled"), ("client", client)])
            return .refused(account.disabledReason == "inactivity" ? .expired : .disabled)
        }
        if try expireIfUnused(account) { return .refused(.expired) }
        switch try openSession(for: account, totpStep: nil, challenge: nil) {
        case .opened(let opened):
            record(.login, actor: account.auditName, [("method", "swissid"), ("level", identity.level), ("client", client)])
            return .session(opened)
        case .loginGone, .codeUsed:
            return .refused(.unlinked)  // not reached: without a challenge or a TOTP step nothing can be lost
        }
    }

    /// Links the account with `email` to the SwissID `subject` (the admin, once, from the shell).
    /// An account still holding its one-time password loses it: it logs in with SwissID only.
    public func linkSwissID(email: String, subject: String, by actor: String) throws(AccessError) -> Account {
        let subject = subject.trimmingCharacters(in: .whitespaces)
        guard !subject.isEmpty, subject.count <= 255, !subject.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw AccessError(.invalidField, "the SwissID subject is one word of at most 255 characters, as SwissID's `sub` claim")
        }
        guard let account = try store.account(email: email) else {
            throw AccessError(.unknownAccount, "no account has the e-mail \(email); create it first with `ciid user add`")
        }
        let moment = now().timeIntervalSince1970
        let conflict = try store.write { db -> String? in
            if let other = try SQLRequest<Int64>(literal: "SELECT account_id FROM swissid_link WHERE subject = \(subject)").fetchOne(db),
                other != account.id
            {
                return "this SwissID is linked to account \(other) already"
            }
            if let current = try SQLRequest<String>(literal: "SELECT subject FROM swissid_link WHERE account_id = \(account.id)").fetchOne(db),
                current != subject
            {
                return "account \(account.id) is linked to another SwissID already"
            }
            try db.execute(literal: "DELETE FROM swissid_link WHERE account_id = \(account.id)")
            try Self.insertLink(db, account: account.id, subject: subject, moment: moment, by: actor)
            return nil
        }
        if let conflict { throw AccessError(.invalidField, conflict) }
        record(.accountChanged, actor: actor, subject: account.auditName, [("swissid", "linked"), ("swissid_ref", Self.subjectReference(subject))])
        return try store.account(id: account.id) ?? account
    }

    /// Removes the SwissID link of the account with `email` (a link made by mistake, or a person who
    /// left) and ends the account's sessions, so that whoever logged in through that SwissID is out.
    /// The account keeps no password it could log in with if the link had voided it: the admin
    /// gives it a new one-time password (`ciid user reset`) if it is to log in locally.
    public func unlinkSwissID(email: String, by actor: String) throws(AccessError) -> Account {
        guard let account = try store.account(email: email) else {
            throw AccessError(.unknownAccount, "no account has the e-mail \(email); `ciid user list` shows the accounts")
        }
        guard let subject = try swissIDSubject(of: account.id) else {
            throw AccessError(.invalidField, "account \(account.id) is not linked to a SwissID; nothing to remove")
        }
        try store.write { db in
            try db.execute(literal: "DELETE FROM swissid_link WHERE account_id = \(account.id)")
            try db.execute(literal: "DELETE FROM session WHERE account_id = \(account.id)")
        }
        record(.accountChanged, actor: actor, subject: account.auditName, [("swissid", "unlinked"), ("swissid_ref", Self.subjectReference(subject))])
        return account
    }

    /// The account's link: a new row, and a one-time password never used made unusable.
    static func insertLink(_ db: Database, account: Int64, subject: String, moment: Double, by actor: String) throws {
        try db.execute(
            literal: "INSERT INTO swissid_link (account_id, subject, linked_at, linked_by) VALUES (\(account), \(subject), \(moment), \(actor))"
        )
        let unusable = "swissid-only:" + Sodium.randomToken()
        try db.execute(
            literal: "UPDATE account SET password_hash = \(unusable), must_change_password = 0 WHERE id = \(account) AND must_change_password = 1"
        )
    }

    /// The SwissID subject linked to account `id`, if any.
    public func swissIDSubject(of id: Int64) throws(AccessError) -> String? {
        try store.row("SELECT subject FROM swissid_link WHERE account_id = ?", [id]).map { $0[0] }
    }

    /// Mails the account with `email` a one-time link (valid ``swissIDInvitationDays`` days): after
    /// a SwissID login through it, that SwissID is linked to the account.
    /// - Parameter publicURL: the coordinator's https:// address (`access.public_url`).
    public func inviteSwissID(email: String, publicURL: String, by actor: String) async throws(AccessError) -> Account {
        guard let account = try store.account(email: email) else {
            throw AccessError(.unknownAccount, "no account has the e-mail \(email); create it first with `ciid user add`")
        }
        guard let mailer else {
            throw AccessError(.mail, "no mail relay is configured ([mail] in ciid.conf): link the account with `ciid user link-swissid`")
        }
        let token = SecretToken.make()
        let moment = now().timeIntervalSince1970
        let expires = moment + Double(Self.swissIDInvitationDays) * 86_400
        try store.write { db in
            try db.execute(literal: "DELETE FROM swissid_invitation WHERE account_id = \(account.id) OR expires_at < \(moment)")
            try db.execute(
                literal:
                    "INSERT INTO swissid_invitation (token_hash, account_id, expires_at) VALUES (\(SecretToken.hash(token)), \(account.id), \(expires))"
            )
        }
        let base = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        let link = "\(base)/login/swissid?invitation=\(token)"
        do {
            try await mailer.send(
                SwissIDInvitationMail.message(link: link, to: account, from: mailFrom, node: nodeName, days: Self.swissIDInvitationDays)
            )
        } catch {
            try store.write { db in try db.execute(literal: "DELETE FROM swissid_invitation WHERE token_hash = \(SecretToken.hash(token))") }
            record(
                .accountChanged,
                actor: actor,
                subject: account.auditName,
                outcome: "failed",
                [("swissid", "invitation"), ("error", "\(type(of: error))")]
            )
            throw AccessError(.mail, "the invitation could not be sent: \(error)")
        }
        record(
            .accountChanged,
            actor: actor,
            subject: account.auditName,
            [("swissid", "invitation_sent"), ("days", String(Self.swissIDInvitationDays))]
        )
        return account
    }

    /// A short reference to a SwissID subject for the audit log (the first 8 bytes of its BLAKE2b
    /// hash, in hex): enough to tell two apart, not the identifier itself.
    static func subjectReference(_ subject: String) -> String {
        GenericHash.hash(Array(subject.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
