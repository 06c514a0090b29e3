import CIIAudit
public import CIIStore
import Foundation

/// The overlap alerts of each account: those whose follow-up the import named them for, and for
/// admins also those that name no active account. Alerts are the overlaps that appeared after the
/// first sync with the other node; those found at that first sync are listed apart
/// (``existingOverlaps(for:limit:)``) and never counted as unread.
public struct AlertInbox: Sendable {
    /// The node database (the alerts).
    public let node: NodeStore
    /// The access rules (the accounts, the audit log).
    public let access: AccessControl

    /// Creates the inbox view.
    public init(node: NodeStore, access: AccessControl) {
        self.node = node
        self.access = access
    }

    /// Whose overlaps `account` reads: its own, and for an admin those no active account claims.
    func audience(of account: Account) throws(AccessError) -> OverlapAudience {
        let mine = account.caseworker ?? account.email
        guard account.role == .admin else { return .caseworker(mine) }
        return .admin(mine, claimed: try access.accounts().filter(\.isActive).map { $0.caseworker ?? $0.email })
    }

    /// The alerts of `account`, newest first.
    public func alerts(for account: Account, limit: Int = 200) throws(AccessError) -> [InboxAlert] {
        try events(for: account, existing: false, limit: limit)
    }

    /// The overlaps of `account` already there at the first sync with the other node (not alerts), newest first.
    public func existingOverlaps(for account: Account, limit: Int = 200) throws(AccessError) -> [InboxAlert] {
        try events(for: account, existing: true, limit: limit)
    }

    func events(for account: Account, existing: Bool, limit: Int) throws(AccessError) -> [InboxAlert] {
        let audience = try audience(of: account)
        do {
            return try node.overlapEvents(for: audience, existing: existing, limit: limit).map(InboxAlert.init)
        } catch {
            throw AccessError(.storage, "the alerts cannot be read: \(error)")
        }
    }

    /// How many alerts of `account` are unread.
    public func unreadCount(for account: Account) throws(AccessError) -> Int {
        let audience = try audience(of: account)
        do {
            return try node.unreadOverlapCount(for: audience)
        } catch {
            throw AccessError(.storage, "the alerts cannot be read: \(error)")
        }
    }

    /// Marks the alert `id` read, if it is one of `account`'s; audited.
    /// - Returns: whether it was one of the account's unread alerts.
    @discardableResult
    public func markRead(_ id: Int64, by account: Account) throws(AccessError) -> Bool {
        let audience = try audience(of: account)
        let changed: Bool
        do {
            changed = try node.markOverlapRead(id, for: audience, at: access.now())
        } catch {
            throw AccessError(.storage, "the alert cannot be marked read: \(error)")
        }
        if changed { access.record(.alertRead, actor: account.auditName, subject: "alert:\(id)") }
        return changed
    }
}
