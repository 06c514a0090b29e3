import CIIAudit
public import CIIStore
import Foundation
import GRDB

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

    /// The condition selecting `account`'s alerts, and its arguments.
    func filter(for account: Account) throws(AccessError) -> (String, StatementArguments) {
        let mine = (account.caseworker ?? account.email).lowercased()
        guard account.role == .admin else { return ("lower(caseworker) = ?", [mine]) }
        let named = try access.accounts().filter(\.isActive).map { ($0.caseworker ?? $0.email).lowercased() }
        let marks = Array(repeating: "?", count: named.count).joined(separator: ", ")
        let unclaimed = named.isEmpty ? "1" : "lower(caseworker) NOT IN (\(marks))"
        return ("(lower(caseworker) = ? OR caseworker IS NULL OR \(unclaimed))", StatementArguments([mine] + named))
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
        let (condition, arguments) = try filter(for: account)
        do {
            return try node.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, origin, dispositif, their_last_on, caseworker, recorded_at, read_at, reference FROM overlap_event
                        WHERE existing = ? AND \(condition) ORDER BY id DESC LIMIT ?
                        """,
                    arguments: StatementArguments([existing]) + arguments + [limit]
                ).map(InboxAlert.init(row:))
            }
        } catch {
            throw AccessError(.storage, "the alerts cannot be read: \(error)")
        }
    }

    /// How many alerts of `account` are unread.
    public func unreadCount(for account: Account) throws(AccessError) -> Int {
        let (condition, arguments) = try filter(for: account)
        do {
            return try node.read { db in
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM overlap_event WHERE read_at IS NULL AND existing = 0 AND \(condition)",
                    arguments: arguments
                ) ?? 0
            }
        } catch {
            throw AccessError(.storage, "the alerts cannot be read: \(error)")
        }
    }

    /// Marks the alert `id` read, if it is one of `account`'s; audited.
    /// - Returns: whether it was one of the account's unread alerts.
    @discardableResult
    public func markRead(_ id: Int64, by account: Account) throws(AccessError) -> Bool {
        let (condition, arguments) = try filter(for: account)
        let moment = access.now()
        let changed: Int
        do {
            changed = try node.write { db in
                try db.execute(
                    sql: "UPDATE overlap_event SET read_at = ? WHERE id = ? AND read_at IS NULL AND existing = 0 AND \(condition)",
                    arguments: [Int64(moment.timeIntervalSince1970), id] + arguments
                )
                return db.changesCount
            }
        } catch {
            throw AccessError(.storage, "the alert cannot be marked read: \(error)")
        }
        if changed == 1 { access.record(.alertRead, actor: account.auditName, subject: "alert:\(id)") }
        return changed == 1
    }
}
