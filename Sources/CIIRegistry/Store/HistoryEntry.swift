public import Foundation

/// One change of one field of a case: who, when, which field, the old and the new value.
///
/// Values are JSON fragments (`"2024-03-01"`, `["health"]`, `null` as `nil`). A ``sealed``
/// entry belongs to a sealed tab (situation, logbook): stores keep its values sealed at rest.
public struct HistoryEntry: Sendable, Hashable, Codable {
    /// The case.
    public var caseID: Int64
    /// When.
    public var at: Date
    /// The account that changed it.
    public var actor: String
    /// The field, as a path (`services[1].end`, `cancellation`).
    public var field: String
    /// The value before (`nil` when there was none).
    public var oldValue: String?
    /// The value after (`nil` when removed).
    public var newValue: String?
    /// Whether the values are of a sealed tab.
    public var sealed: Bool

    /// Creates an entry.
    public init(caseID: Int64, at: Date, actor: String, field: String, oldValue: String?, newValue: String?, sealed: Bool) {
        self.caseID = caseID
        self.at = at
        self.actor = actor
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.sealed = sealed
    }

    /// The tab the field belongs to.
    public var tab: CaseTab {
        let head = field.prefix { $0 != "." && $0 != "[" }
        return CaseTab(rawValue: String(head)) ?? (head == "cancellation" ? .history : .announcement)
    }
}
