public import CIICore

/// What validation checks input against: today, and the lists the bureau keeps.
public struct ValidationContext: Sendable {
    /// Today (dates of events may not lie after it).
    public var today: Day
    /// The codification of documents, by code.
    public var documentCodes: [String: DocumentCode]
    /// The ids of the collaborator directory.
    public var collaboratorIDs: Set<Int64>

    /// Creates a context.
    public init(today: Day, documentCodes: [DocumentCode], collaboratorIDs: Set<Int64>) {
        self.today = today
        self.documentCodes = Dictionary(documentCodes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.collaboratorIDs = collaboratorIDs
    }
}
