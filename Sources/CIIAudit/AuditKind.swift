/// What an audit entry records: a login, a check, a change of an account… Open: other modules may
/// add kinds with ``init(rawValue:)``; the raw value is what the log and its exports show.
public struct AuditKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The name written to the log, in `lower_snake_case`.
    public let rawValue: String

    /// A kind by its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The name.
    public var description: String { rawValue }

    /// A login that succeeded (password and second factor).
    public static let login = AuditKind(rawValue: "login")
    /// A login that failed (unknown account, wrong password, disabled or locked account).
    public static let loginFailed = AuditKind(rawValue: "login_failed")
    /// A login code was sent (never the code itself).
    public static let codeSent = AuditKind(rawValue: "code_sent")
    /// A wrong, expired or reused second-factor code.
    public static let codeFailed = AuditKind(rawValue: "code_failed")
    /// A password was changed (never the password).
    public static let passwordChanged = AuditKind(rawValue: "password_changed")
    /// An account was created.
    public static let accountCreated = AuditKind(rawValue: "account_created")
    /// An account's data (name, e-mail, role…) was changed.
    public static let accountChanged = AuditKind(rawValue: "account_changed")
    /// An account was disabled (by the admin, or after months without use).
    public static let accountDisabled = AuditKind(rawValue: "account_disabled")
    /// A disabled or expiring account was renewed.
    public static let accountRenewed = AuditKind(rawValue: "account_renewed")
    /// An account's password or second factor was reset by the admin.
    public static let accountReset = AuditKind(rawValue: "account_reset")
    /// An account expired.
    public static let accountExpired = AuditKind(rawValue: "account_expired")
    /// A session ended at the user's request.
    public static let logout = AuditKind(rawValue: "logout")
    /// A session ended because it was idle or too old.
    public static let sessionExpired = AuditKind(rawValue: "session_expired")
    /// An API token was created (never the token).
    public static let tokenCreated = AuditKind(rawValue: "token_created")
    /// An API token was revoked.
    public static let tokenRevoked = AuditKind(rawValue: "token_revoked")
    /// A check: the fingerprint and the number of matches, never the AVS number.
    public static let check = AuditKind(rawValue: "check")
    /// A check refused (rate limit, malformed number): never the AVS number.
    public static let checkRefused = AuditKind(rawValue: "check_refused")
    /// An alert was read.
    public static let alertRead = AuditKind(rawValue: "alert_read")
    /// A list of overlap alerts was shown (`ciid overlaps`): `count`, `existing`, then for each
    /// alert `alert:<id>` with its fingerprint, never the AVS number.
    public static let alertsListed = AuditKind(rawValue: "alerts_listed")
    /// A TOTP second factor was enrolled (never the secret).
    public static let totpEnrolled = AuditKind(rawValue: "totp_enrolled")
    /// An account's language was changed.
    public static let languageChanged = AuditKind(rawValue: "language_changed")
    /// Another action of the node's admin.
    public static let adminAction = AuditKind(rawValue: "admin_action")
    /// The audit log was exported (`ciid audit export`).
    public static let auditExported = AuditKind(rawValue: "audit_exported")
    /// The audit log was searched for one person (`ciid audit person`, right of access): the
    /// person's fingerprints and the number of entries found.
    public static let auditPerson = AuditKind(rawValue: "audit_person")
    /// A read of the registry (a case, its history, the notices, the expiring powers of attorney):
    /// `what`, the case as subject; the reader waited for the entry to be durable.
    public static let registryRead = AuditKind(rawValue: "registry_read")
    /// A search of the registry: its criteria, the AVS number masked, and the number of results.
    public static let registrySearch = AuditKind(rawValue: "registry_search")
    /// A change of the registry (a case created, a tab changed, a cancellation, the directory or a
    /// code list): first `requested` (durable before the change), then `ok`, `created` or `refused`.
    public static let registryChange = AuditKind(rawValue: "registry_change")
    /// An export from the registry (the medical-mandate invoices): what, the year and the format.
    public static let registryExport = AuditKind(rawValue: "registry_export")
}
