import CIIAudit
import CIICore
import Foundation
import GRDB
import Logging
import Sodium

extension AccessControl {
    /// A well-formed Argon2id hash of a password nobody knows, checked when the e-mail is unknown
    /// so that both refusals take the same time.
    static let decoyHash: String = (try? PasswordHash.hash(SecretToken.make())) ?? ""

    /// Attempts allowed per pending login before it must start over.
    static let codeAttempts = 5

    /// Checks an e-mail and password; on success sends the login code (or awaits a TOTP code).
    /// - Parameters:
    ///   - email: what the person typed.
    ///   - password: what the person typed (never stored, logged or audited).
    ///   - client: the client's address, for the audit log.
    public func beginLogin(email: String, password: String, client: String) async throws(AccessError) -> LoginStep {
        let email = email.trimmingCharacters(in: .whitespaces)
        let moment = now()
        guard let account = try store.account(email: email), let hash = try store.passwordHash(of: account.id) else {
            _ = PasswordHash.verify(password, against: Self.decoyHash)
            record(.loginFailed, actor: "anonymous", outcome: "refused", [("reason", "unknown_account"), ("client", client)])
            return .refused(.badCredentials)
        }
        if let until = account.lockedUntil, until > moment {
            record(.loginFailed, actor: account.auditName, outcome: "refused", [("reason", "locked"), ("client", client)])
            return .refused(.locked(until: until))
        }
        guard PasswordHash.verify(password, against: hash) else {
            return try failure(of: account, reason: "bad_password", client: client)
        }
        if !account.isActive {
            record(.loginFailed, actor: account.auditName, outcome: "refused", [("reason", "disabled"), ("client", client)])
            return .refused(account.disabledReason == "inactivity" ? .expired : .disabled)
        }
        if try expireIfUnused(account) { return .refused(.expired) }
        return try await startSecondFactor(for: account, client: client)
    }

    /// Sends a new code for a pending e-mail login (at most one every 30 seconds).
    /// - Returns: the pending login, or a refusal when it expired.
    public func resendCode(pending token: String, client: String) async throws(AccessError) -> LoginStep {
        let hash = SecretToken.hash(token)
        let moment = now()
        let found = try store.row("SELECT account_id, method, created_at, expires_at FROM login_challenge WHERE token_hash = ?", [hash])
        guard let found, Date(timeIntervalSince1970: found[3]) > moment, let account = try store.account(id: found[0]) else {
            return .refused(.loginExpired)
        }
        let method = SecondFactor(rawValue: found[1]) ?? .email
        if method == .email, moment.timeIntervalSince1970 - (found[2] as Double) >= 30 {
            try store.write { db in try db.execute(sql: "DELETE FROM login_challenge WHERE token_hash = ?", arguments: [hash]) }
            return try await startSecondFactor(for: account, client: client)
        }
        return .pending(
            PendingLogin(
                token: token,
                method: method,
                maskedEmail: Self.mask(account.email),
                expiresAt: Date(timeIntervalSince1970: found[3]),
                language: account.language.rawValue
            )
        )
    }

    /// Checks the second-factor code of a pending login; on success opens a session.
    public func completeLogin(pending token: String, code: String, client: String) throws(AccessError) -> CodeStep {
        let hash = SecretToken.hash(token)
        let moment = now()
        let code = code.filter { !$0.isWhitespace }
        let found = try store.row("SELECT account_id, method, code_hash, expires_at FROM login_challenge WHERE token_hash = ?", [hash])
        guard let found, Date(timeIntervalSince1970: found[3]) > moment, let account = try store.account(id: found[0]) else {
            return .refused(.loginExpired)
        }
        if let until = account.lockedUntil, until > moment { return .refused(.locked(until: until)) }
        guard account.isActive else { return .refused(account.disabledReason == "inactivity" ? .expired : .disabled) }
        let method = SecondFactor(rawValue: found[1]) ?? .email
        var step: Int64?
        let right: Bool
        switch method {
        case .email:
            let stored: Data = found[2] ?? Data()
            right = code.count == 6 && Sodium.constantTimeEqual([UInt8](stored), [UInt8](SecretToken.hash(code: code, challenge: token)))
        case .totp:
            step = try totpStep(matching: code, for: account.id)
            right = step != nil
        }
        if right {
            switch try openSession(for: account, totpStep: step, challenge: hash) {
            case .opened(let opened):
                record(.login, actor: account.auditName, [("method", method.rawValue), ("client", client)])
                return .session(opened)
            case .loginGone:
                return .refused(.loginExpired)
            case .codeUsed:
                break  // the step was used already: a wrong code
            }
        }
        return try wrongCode(for: account, method: method, challenge: hash, client: client)
    }

    /// Counts a wrong code against the pending login (one statement, so that tries sent at the
    /// same time are all counted) and against the account; ends the login at ``codeAttempts``.
    func wrongCode(for account: Account, method: SecondFactor, challenge hash: Data, client: String) throws(AccessError) -> CodeStep {
        let limit = Self.codeAttempts
        let attempts = try store.write { db -> Int? in
            let attempts = try SQLRequest<Int>(
                literal: "UPDATE login_challenge SET attempts = attempts + 1 WHERE token_hash = \(hash) RETURNING attempts"
            )
            .fetchOne(db)
            if let attempts, attempts >= limit {
                try db.execute(literal: "DELETE FROM login_challenge WHERE token_hash = \(hash)")
            }
            return attempts
        }
        record(.codeFailed, actor: account.auditName, outcome: "refused", [("method", method.rawValue), ("client", client)])
        if case .refused(let refusal) = try failure(of: account, reason: "bad_code", client: client), case .locked = refusal {
            return .refused(refusal)
        }
        guard let attempts, attempts < limit else { return .refused(.loginExpired) }
        return .refused(.wrongCode(remaining: limit - attempts))
    }

    /// Counts a failure in one statement (guesses sent at the same time are all counted); locks
    /// the account when there were too many in a row.
    func failure(of account: Account, reason: String, client: String) throws(AccessError) -> LoginStep {
        record(.loginFailed, actor: account.auditName, outcome: "refused", [("reason", reason), ("client", client)])
        let limit = settings.lockoutFailures
        let until = now().addingTimeInterval(Double(settings.lockoutMinutes) * 60)
        let id = account.id
        let failures = try store.write { db -> Int in
            let counted = try SQLRequest<Int>(
                literal: "UPDATE account SET failed_logins = failed_logins + 1 WHERE id = \(id) RETURNING failed_logins"
            )
            .fetchOne(db)
            guard let failures = counted else { throw AccessError.noAccount(id) }
            if failures >= limit {
                try db.execute(literal: "UPDATE account SET failed_logins = 0, locked_until = \(until.timeIntervalSince1970) WHERE id = \(id)")
                try db.execute(literal: "DELETE FROM login_challenge WHERE account_id = \(id)")
            }
            return failures
        }
        guard failures >= limit else { return .refused(.badCredentials) }
        record(
            .accountLocked,
            actor: "system",
            subject: account.auditName,
            outcome: "locked",
            [("failures", String(failures)), ("minutes", String(settings.lockoutMinutes))]
        )
        return .refused(.locked(until: until))
    }

    func startSecondFactor(for account: Account, client: String) async throws(AccessError) -> LoginStep {
        let token = SecretToken.make()
        let moment = now()
        let expires = moment.addingTimeInterval(Double(settings.codeMinutes) * 60)
        let code = account.secondFactor == .email ? SecretToken.code() : nil
        let codeHash = code.map { SecretToken.hash(code: $0, challenge: token) }
        try store.write { db in
            try db.execute(
                sql: "DELETE FROM login_challenge WHERE account_id = ? OR expires_at < ?",
                arguments: [account.id, moment.timeIntervalSince1970]
            )
            try db.execute(
                sql: "INSERT INTO login_challenge (token_hash, account_id, method, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    SecretToken.hash(token), account.id, account.secondFactor.rawValue, codeHash, moment.timeIntervalSince1970,
                    expires.timeIntervalSince1970,
                ]
            )
        }
        if let code {
            do {
                guard let mailer else { throw AccessError(.mail, "no mail relay is configured ([mail] in ciid.conf)") }
                try await mailer.send(LoginCodeMail.message(code: code, to: account, from: mailFrom, node: nodeName, minutes: settings.codeMinutes))
                record(.codeSent, actor: "system", subject: account.auditName, [("method", "email"), ("client", client)])
            } catch {
                logger.error("the login code of \(account.auditName) could not be sent: \(error)")
                record(
                    .codeSent,
                    actor: "system",
                    subject: account.auditName,
                    outcome: "failed",
                    [("method", "email"), ("error", "\(type(of: error))")]
                )
                try store.write { db in try db.execute(sql: "DELETE FROM login_challenge WHERE token_hash = ?", arguments: [SecretToken.hash(token)])
                }
                return .refused(.mailUnavailable)
            }
        }
        return .pending(
            PendingLogin(
                token: token,
                method: account.secondFactor,
                maskedEmail: Self.mask(account.email),
                expiresAt: expires,
                language: account.language.rawValue
            )
        )
    }

    /// Disables `account` if it was not used for ``AccessSettings/inactivityDays``; true if it did.
    func expireIfUnused(_ account: Account) throws(AccessError) -> Bool {
        guard account.isActive, now().timeIntervalSince(account.lastUsedAt) > Double(settings.inactivityDays) * 86_400 else { return false }
        _ = try store.updateAccount(account.id, "active = 0, disabled_reason = 'inactivity'")
        try endSessions(of: account.id)
        record(.accountExpired, actor: "system", subject: account.auditName, outcome: "disabled", [("days_unused", String(settings.inactivityDays))])
        return true
    }

    /// `anne.muster@vs.ch` → `a•••@vs.ch`.
    static func mask(_ email: String) -> String {
        let parts = email.split(separator: "@", maxSplits: 1)
        guard parts.count == 2, let first = parts[0].first else { return "•••" }
        return "\(first)•••@\(parts[1])"
    }
}

extension AccessControl {
    /// The pending login named by `token`, if it is still open (reads only).
    public func pendingLogin(token: String) throws(AccessError) -> PendingLogin? {
        let hash = SecretToken.hash(token)
        let found = try store.row("SELECT account_id, method, expires_at FROM login_challenge WHERE token_hash = ?", [hash])
        guard let found, Date(timeIntervalSince1970: found[2]) > now(), let account = try store.account(id: found[0]) else { return nil }
        return PendingLogin(
            token: token,
            method: SecondFactor(rawValue: found[1]) ?? .email,
            maskedEmail: Self.mask(account.email),
            expiresAt: Date(timeIntervalSince1970: found[2]),
            language: account.language.rawValue
        )
    }

    /// Turns the daily alert digest on or off for `account`.
    public func setDigest(_ account: Account, wanted: Bool) throws(AccessError) {
        guard account.wantsDigest != wanted else { return }
        _ = try store.updateAccount(account.id, "wants_digest = ?", [wanted])
        record(.accountChanged, actor: account.auditName, subject: account.auditName, [("digest", wanted ? "on" : "off")])
    }
}
