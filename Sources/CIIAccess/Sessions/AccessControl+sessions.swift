import CIIAudit
import CIICore
import Foundation
import GRDB
import Sodium

extension AccessControl {
    /// Opens a session for a login whose code was right, unless a try sent at the same time won:
    /// the pending login is consumed and the TOTP step taken each by one statement that must
    /// change one row (else nothing changes), so that a code opens one session only. The
    /// account's failures are forgotten (its next login waits for nothing); the address's are not.
    /// A SwissID login (``completeSwissIDLogin(_:invitation:client:)``) has no pending login: `challenge` nil.
    func openSession(for account: Account, totpStep: Int64?, challenge: Data?) throws(AccessError) -> SessionOpening {
        let token = SecretToken.make()
        let csrf = SecretToken.make()
        let moment = now().timeIntervalSince1970
        let hash = SecretToken.hash(token)
        let id = account.id
        let throttleKey = LoginThrottle.Keys.account(account.email)
        let lost = try store.write { db -> SessionOpening? in
            var lost: SessionOpening?
            try db.inSavepoint {
                if let challenge {
                    try db.execute(literal: "DELETE FROM login_challenge WHERE token_hash = \(challenge)")
                    guard db.changesCount == 1 else {
                        lost = .loginGone
                        return .rollback
                    }
                }
                if let totpStep {
                    try db.execute(
                        literal: """
                            UPDATE account SET totp_last_step = \(totpStep)
                            WHERE id = \(id) AND (totp_last_step IS NULL OR totp_last_step < \(totpStep))
                            """
                    )
                    guard db.changesCount == 1 else {
                        lost = .codeUsed
                        return .rollback
                    }
                }
                try db.execute(literal: "UPDATE account SET last_used_at = \(moment) WHERE id = \(id)")
                try db.execute(literal: "DELETE FROM login_throttle WHERE key = \(throttleKey)")
                try db.execute(
                    literal: """
                        INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen_at)
                        VALUES (\(hash), \(id), \(csrf), \(moment), \(moment))
                        """
                )
                return .commit
            }
            return lost
        }
        if let lost { return lost }
        var fresh = account
        fresh.lastUsedAt = Date(timeIntervalSince1970: moment)
        let session = Session(account: fresh, csrf: csrf, createdAt: fresh.lastUsedAt, lastSeenAt: fresh.lastUsedAt, tokenHash: hash)
        return .opened(NewSession(token: token, session: session))
    }

    /// The live session whose cookie holds `token`, or nil (unknown, idle too long, too old, or
    /// its account disabled). Ending a session this way is audited.
    public func session(token: String) throws(AccessError) -> Session? {
        let hash = SecretToken.hash(token)
        let found = try store.row("SELECT account_id, csrf, created_at, last_seen_at FROM session WHERE token_hash = ?", [hash])
        guard let found, let account = try store.account(id: found[0]) else { return nil }
        let moment = now()
        let created = Date(timeIntervalSince1970: found[2])
        let seen = Date(timeIntervalSince1970: found[3])
        let idle = moment.timeIntervalSince(seen) > Double(settings.idleMinutes(on: nodeRole)) * 60
        let old = moment.timeIntervalSince(created) > Double(settings.sessionAbsoluteHours) * 3600
        guard account.isActive, !idle, !old else {
            try store.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [hash]) }
            let reason = !account.isActive ? "account_disabled" : idle ? "idle" : "absolute"
            record(.sessionExpired, actor: "system", subject: account.auditName, [("reason", reason)])
            return nil
        }
        if moment.timeIntervalSince(seen) >= 30 {
            try store.write { db in
                try db.execute(sql: "UPDATE session SET last_seen_at = ? WHERE token_hash = ?", arguments: [moment.timeIntervalSince1970, hash])
            }
        }
        return Session(account: account, csrf: found[1], createdAt: created, lastSeenAt: moment, tokenHash: hash)
    }

    /// Ends the session (logout).
    public func logout(_ session: Session) throws(AccessError) {
        try store.write { db in try db.execute(sql: "DELETE FROM session WHERE token_hash = ?", arguments: [session.tokenHash]) }
        record(.logout, actor: session.account.auditName)
    }

    /// Whether `presented` is the session's anti-forgery token (constant time).
    public func csrfMatches(_ session: Session, _ presented: String?) -> Bool {
        guard let presented else { return false }
        return Sodium.constantTimeEqual(Array(session.csrf.utf8), Array(presented.utf8))
    }

    /// Ends every session of the account `id`.
    func endSessions(of id: Int64) throws(AccessError) {
        try store.write { db in try db.execute(sql: "DELETE FROM session WHERE account_id = ?", arguments: [id]) }
    }

    /// Changes the password of the session's account after checking the current one (unless it is
    /// the forced change after a one-time password, where the login just proved it).
    /// - Returns: the policy problem, or nil when the password was changed.
    public func changePassword(
        _ session: Session,
        current: String?,
        new: String,
        confirmation: String
    ) throws(AccessError) -> PasswordPolicy.Problem? {
        let account = session.account
        guard let hash = try store.passwordHash(of: account.id) else { throw AccessError(.unknownAccount, "the account no longer exists") }
        if !account.mustChangePassword {
            guard let current, PasswordHash.verify(current, against: hash) else {
                record(.passwordChanged, actor: account.auditName, outcome: "refused", [("reason", "wrong_current_password")])
                throw AccessError(.wrongPassword, "the current password is wrong")
            }
        }
        guard new == confirmation else { return .mismatch }
        if let problem = policy.problem(with: new, email: account.email, name: account.name) {
            record(.passwordChanged, actor: account.auditName, outcome: "refused", [("reason", problem.rawValue)])
            return problem
        }
        if PasswordHash.verify(new, against: hash) { return .unchanged }
        let newHash = try Self.hash(new)
        try store.write { db in
            try db.execute(sql: "UPDATE account SET password_hash = ?, must_change_password = 0 WHERE id = ?", arguments: [newHash, account.id])
            try db.execute(sql: "DELETE FROM session WHERE account_id = ? AND token_hash != ?", arguments: [account.id, session.tokenHash])
        }
        record(.passwordChanged, actor: account.auditName)
        return nil
    }

    /// Deletes sessions, pending logins and login failures that can no longer be used.
    public func purgeSessions() throws(AccessError) {
        let moment = now().timeIntervalSince1970
        let rules = [throttle.accountRule, throttle.addressRule]
        let idle = moment - Double(settings.idleMinutes(on: nodeRole)) * 60
        let old = moment - Double(settings.sessionAbsoluteHours) * 3600
        try store.write { db in
            try db.execute(sql: "DELETE FROM session WHERE last_seen_at < ? OR created_at < ?", arguments: [idle, old])
            try db.execute(sql: "DELETE FROM login_challenge WHERE expires_at < ?", arguments: [moment])
            try LoginThrottle.purge(db, now: moment, rules: rules)
        }
    }
}
