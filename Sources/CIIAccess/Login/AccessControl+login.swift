import CIIAudit
import CIICore
import Foundation
import GRDB
import Logging
import Sodium

extension AccessControl {
    /// A well-formed Argon2id hash (interactive cost, as every account's) of a random password
    /// that was thrown away: checked when the e-mail is unknown, so that an unknown e-mail costs
    /// the same hash as a wrong password. A constant, so that no login ever hashes to make it.
    static let decoyHash = "$argon2id$v=19$m=65536,t=2,p=1$/XwzpMACwtP6jyvVKcOtdQ$8cmw/6Jy+TH4ROaIcsLU4ifMHXeJ6EHRkhqLp/mjjc8"

    /// Attempts allowed per pending login before it must start over.
    static let codeAttempts = 5

    /// Checks an e-mail and password; on success sends the login code (or awaits a TOTP code).
    ///
    /// An unknown e-mail, a wrong password and a slowed-down attempt take one path: the delay of
    /// ``ThrottleRule`` for the e-mail typed and the client's address, one Argon2id verification
    /// on ``hasher`` (of the decoy hash when no account has the e-mail), one count of the failure
    /// on both keys, and the same refusal. No number of failures keeps out the right password: it
    /// waits at most the longest delay, then leads to the second factor.
    /// - Parameters:
    ///   - email: what the person typed.
    ///   - password: what the person typed (never stored, logged or audited).
    ///   - client: the client's address, for the delays and the audit log.
    public func beginLogin(email: String, password: String, client: String) async throws(AccessError) -> LoginStep {
        let email = email.trimmingCharacters(in: .whitespaces)
        let keys = LoginThrottle.Keys(email: email, client: client)
        let wait = try throttle.delay(for: keys, at: now())
        await sleep(wait)  // zero too: every attempt takes the same path
        let found = try store.credentials(email: email)
        let right: Bool
        do {
            right = try await hasher.verify(password, against: found?.hash ?? Self.decoyHash)
        } catch {
            record(.loginFailed, actor: found?.account.auditName ?? "anonymous", outcome: "refused", [("reason", "busy"), ("client", client)])
            return .refused(.busy(retryAfter: error.retryAfter))
        }
        guard right, let account = found?.account else {
            try throttle.countFailure(keys, at: now())
            record(
                .loginFailed,
                actor: found?.account.auditName ?? "anonymous",
                outcome: "refused",
                [("reason", found == nil ? "unknown_account" : "bad_password"), ("client", client), ("delay_ms", Self.milliseconds(wait))]
            )
            return .refused(.badCredentials)
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

    /// Checks the second-factor code of a pending login, after the same delay as a password for
    /// the account and the client's address; on success opens a session.
    public func completeLogin(pending token: String, code: String, client: String) async throws(AccessError) -> CodeStep {
        let email = try store.row(
            "SELECT account.email FROM login_challenge JOIN account ON account.id = login_challenge.account_id WHERE token_hash = ?",
            [SecretToken.hash(token)]
        )
        if let row = email {
            let address: String = row[0]
            let wait = try throttle.delay(for: LoginThrottle.Keys(email: address, client: client), at: now())
            await sleep(wait)
        }
        return try checkCode(pending: token, code: code, client: client)
    }

    /// The code check of ``completeLogin(pending:code:client:)``, without the delay.
    func checkCode(pending token: String, code: String, client: String) throws(AccessError) -> CodeStep {
        let hash = SecretToken.hash(token)
        let moment = now()
        let code = code.filter { !$0.isWhitespace }
        let found = try store.row("SELECT account_id, method, code_hash, expires_at FROM login_challenge WHERE token_hash = ?", [hash])
        guard let found, Date(timeIntervalSince1970: found[3]) > moment, let account = try store.account(id: found[0]) else {
            return .refused(.loginExpired)
        }
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
    /// same time are all counted) and as a failure of the account and the address (the next
    /// password and code wait longer); ends the login at ``codeAttempts``.
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
        try throttle.countFailure(LoginThrottle.Keys(email: account.email, client: client), at: now())
        record(.codeFailed, actor: account.auditName, outcome: "refused", [("method", method.rawValue), ("client", client)])
        guard let attempts, attempts < limit else { return .refused(.loginExpired) }
        return .refused(.wrongCode(remaining: limit - attempts))
    }

    /// Failures counted now on the e-mail `email` (known or not) and on the address `client`.
    public func loginFailures(email: String, client: String) throws(AccessError) -> (account: Int, address: Int) {
        try throttle.failures(email: email, client: client)
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
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
