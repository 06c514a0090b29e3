public import Foundation

/// Everything the registry holds about one person (right of access, FADP art. 25): their data,
/// every case period with every tab (cancelled ones too, marked), the documents' metadata (not
/// the files), each case's history, the bureau's notices about their cases, and the log of who
/// read or changed them.
public struct PersonReport: Sendable, Hashable, Codable {
    /// When the report was made.
    public var generatedAt: Date
    /// The person's id in the registry.
    public var personID: Int64
    /// The person's data, the AVS number in full (the report is theirs).
    public var person: Person
    /// Every case period, oldest first.
    public var cases: [PersonReportCase]
    /// The directory entries the cases name (collaborators, logbook partners).
    public var collaborators: [Collaborator]
    /// The document codes the cases' documents use.
    public var documentCodes: [DocumentCode]
    /// The bureau's notices about the cases (cancellations), newest first.
    public var notices: [BureauNotice]
    /// The audit log's entries whose subject is the person or one of their cases, in chain order.
    public var accessLog: [PersonReportAccess]

    /// Creates a report.
    public init(
        generatedAt: Date,
        personID: Int64,
        person: Person,
        cases: [PersonReportCase],
        collaborators: [Collaborator],
        documentCodes: [DocumentCode],
        notices: [BureauNotice],
        accessLog: [PersonReportAccess]
    ) {
        self.generatedAt = generatedAt
        self.personID = personID
        self.person = person
        self.cases = cases
        self.collaborators = collaborators
        self.documentCodes = documentCodes
        self.notices = notices
        self.accessLog = accessLog
    }

    /// The audit subjects of person `personID` and of `caseIDs`: `person:<id>`, `case:<id>`.
    public static func auditSubjects(personID: Int64, caseIDs: [Int64]) -> Set<String> {
        Set(["person:\(personID)"] + caseIDs.map { "case:\($0)" })
    }
}
