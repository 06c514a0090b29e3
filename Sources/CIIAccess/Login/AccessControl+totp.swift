import CIIAudit
import Foundation
import GRDB
import HummingbirdOTP
import Sodium

/// An authenticator app being enrolled: the secret to type or scan, until a code confirms it.
public struct TOTPEnrolment: Sendable {
    /// The secret as the app takes it (base32, grouped by four).
    public let key: String
    /// The `otpauth://` address (for a QR code or a link on a phone).
    public let url: String
    /// The secret itself, carried by the confirmation form.
    public let secret: String
}

extension AccessControl {
    static let totpAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// A new secret for `account`'s authenticator app (not stored until ``confirmTOTP(_:secret:code:)``).
    public func beginTOTPEnrolment(for account: Account) -> TOTPEnrolment {
        let secret = String(Sodium.randomBytes(20).map { Self.totpAlphabet[Int($0 & 31)] })
        return enrolment(secret: secret, account: account)
    }

    /// The enrolment of `secret`, as shown again after a wrong confirmation code.
    public func enrolment(secret: String, account: Account) -> TOTPEnrolment {
        let totp = TOTP(secret: secret)
        let url = totp.createAuthenticatorURL(label: "ciid:\(account.email)", issuer: "ciid \(nodeName)")
        let base32 = url.split(separator: "secret=").last?.split(separator: "&").first.map(String.init) ?? ""
        let grouped = stride(from: 0, to: base32.count, by: 4).map { start -> String in
            let from = base32.index(base32.startIndex, offsetBy: start)
            return String(base32[from..<(base32.index(from, offsetBy: 4, limitedBy: base32.endIndex) ?? base32.endIndex)])
        }
        return TOTPEnrolment(key: grouped.joined(separator: " "), url: url, secret: secret)
    }

    /// Stores the app's secret once a code from the app proves it holds it; logins then ask for its codes.
    public func confirmTOTP(_ account: Account, secret: String, code: String) throws(AccessError) {
        guard secret.count == 20, secret.allSatisfy({ Self.totpAlphabet.contains($0) }) else {
            throw AccessError(.invalidField, "the enrolment form was altered; start the enrolment again")
        }
        guard let step = Self.step(matching: code.filter { !$0.isWhitespace }, secret: secret, at: now(), after: nil) else {
            record(.totpEnrolled, actor: account.auditName, outcome: "refused", [("reason", "wrong_code")])
            throw AccessError(.wrongCode, "the code does not match; check the phone's clock and type the current code")
        }
        _ = try store.updateAccount(account.id, "second_factor = 'totp', totp_secret = ?, totp_last_step = ?", [secret, step])
        record(.totpEnrolled, actor: account.auditName)
    }

    /// Goes back to codes by e-mail.
    public func removeTOTP(_ account: Account, by actor: String) throws(AccessError) {
        _ = try store.updateAccount(account.id, "second_factor = 'email', totp_secret = NULL, totp_last_step = NULL")
        record(.accountChanged, actor: actor, subject: account.auditName, [("second_factor", "email")])
    }

    /// The time step of the account's app that `code` matches (one step of clock drift either
    /// way), if it is later than the last one used: a code works once.
    func totpStep(matching code: String, for id: Int64) throws(AccessError) -> Int64? {
        let state = try store.totpState(of: id)
        guard let secret = state.secret else { return nil }
        return Self.step(matching: code, secret: secret, at: now(), after: state.lastStep)
    }

    static func step(matching code: String, secret: String, at date: Date, after last: Int64?) -> Int64? {
        guard code.count == 6, let number = Int(code) else { return nil }
        let totp = TOTP(secret: secret)
        let current = Int64(date.timeIntervalSince1970 / 30)
        for step in [current - 1, current, current + 1] where step > (last ?? Int64.min) {
            if totp.compute(date: Date(timeIntervalSince1970: Double(step) * 30)) == number { return step }
        }
        return nil
    }
}
