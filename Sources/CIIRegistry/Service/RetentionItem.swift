public import CIICore

/// A case whose personal data the retention sweep deletes (or would delete): what the audit log
/// and `ciid registry retention` name — never a name or an AVS number.
public struct RetentionItem: Sendable, Hashable {
    /// The case period's id.
    public let caseID: Int64
    /// Closed or cancelled.
    public let status: CaseStatus
    /// The day it was closed or cancelled.
    public let endedOn: Day
    /// The vault ids of its documents, whose files go with it.
    public let documents: [String]
    /// Whether the person goes too (no other case period left).
    public let personGoes: Bool

    /// Creates an item.
    public init(caseID: Int64, status: CaseStatus, endedOn: Day, documents: [String], personGoes: Bool) {
        self.caseID = caseID
        self.status = status
        self.endedOn = endedOn
        self.documents = documents
        self.personGoes = personGoes
    }
}
