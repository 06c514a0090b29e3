public import Foundation

/// A secret an integration sends as `Authorization: Bearer …` instead of logging in.
///
/// Created by an admin, limited to a scope, revocable; only its hash is stored.
public struct APIToken: Sendable, Hashable, Identifiable {
    /// What a token may do.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// `POST /api/v1/checks` only.
        case checks
    }

    /// The token's number.
    public var id: Int64
    /// What it is for (the integration's name).
    public var name: String
    /// What it may do.
    public var scope: Scope
    /// When it was created.
    public var createdAt: Date
    /// Who created it (`account:3`, `cli`).
    public var createdBy: String
    /// When it was revoked, if it was.
    public var revokedAt: Date?

    /// The label used in the audit log: `token:ID`.
    public var auditName: String { "token:\(id)" }
}
