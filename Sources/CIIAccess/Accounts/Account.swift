public import CIICore
public import Foundation

/// A person who may log in to the node: a caseworker or an admin on a dispositif node; a CII
/// respondent, a regional coordinator, the bureau or an admin on the coordinator.
///
/// Holds no secret: the password hash and the TOTP secret stay in ``AccessStore``.
public struct Account: Sendable, Hashable, Identifiable {
    /// The account's number.
    public var id: Int64
    /// The e-mail address, where login codes go (unique, compared without case).
    public var email: String
    /// The person's name.
    public var name: String
    /// The language of the pages and e-mails (fr or de).
    public var language: Language
    /// What the account may do.
    public var role: AccountRole
    /// The identifier the institution's export uses for this caseworker, which routes overlap alerts.
    public var caseworker: String?
    /// The region of a regional coordinator; nil for other roles.
    public var region: Region?
    /// The collaborator directory entry of the person (coordinator node), which says which cases
    /// they announced or are involved in; nil when not linked.
    public var collaborator: Int64?
    /// Whether the account may log in.
    public var isActive: Bool
    /// Why the account was disabled: `admin` or `inactivity`.
    public var disabledReason: String?
    /// Whether the next login must set a new password (after creation or reset).
    public var mustChangePassword: Bool
    /// The second factor in use.
    public var secondFactor: SecondFactor
    /// The last login or renewal: four months after it, the account is disabled.
    public var lastUsedAt: Date
    /// When the account was created.
    public var createdAt: Date
    /// Whether the person wants the daily alert digest by e-mail.
    public var wantsDigest: Bool

    /// The label used in the audit log: `account:ID`.
    public var auditName: String { "account:\(id)" }
}
