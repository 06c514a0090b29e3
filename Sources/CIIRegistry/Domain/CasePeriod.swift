public import CIICore
import Foundation

/// A case period of a person, with every tab of MX-CII's "Gestion des cas".
public struct CasePeriod: Sendable, Hashable, Codable {
    /// The case's id (0 before it is stored).
    public var id: Int64
    /// The person's id in the store.
    public var personID: Int64
    /// The person.
    public var person: Person
    /// The version (ETag) of the case.
    public var etag: CaseETag
    /// Tab "Dispositifs annonceurs".
    public var announcement: Announcement
    /// Tab "Situation".
    public var situation: Situation
    /// The gravity index (bureau only).
    public var gravity: GravityScore?
    /// Tab "Collaborateurs".
    public var collaborators: CaseCollaborators
    /// Tab "Documents" (metadata).
    public var documents: [CaseDocument]
    /// Tab "Journal de bord".
    public var logbook: [LogbookEntry]
    /// Tab "Mandat médical" (bureau only).
    public var medicalMandate: [SMRRequest]
    /// Tab "Décision".
    public var decision: Decision
    /// Tab "Prestations".
    public var services: [CaseService]
    /// Set when the case was cancelled.
    public var cancellation: Cancellation?

    /// Creates a case period.
    public init(
        id: Int64 = 0,
        personID: Int64 = 0,
        person: Person,
        etag: CaseETag = CaseETag(version: 1),
        announcement: Announcement,
        situation: Situation = Situation(),
        gravity: GravityScore? = nil,
        collaborators: CaseCollaborators = CaseCollaborators(),
        documents: [CaseDocument] = [],
        logbook: [LogbookEntry] = [],
        medicalMandate: [SMRRequest] = [],
        decision: Decision = Decision(),
        services: [CaseService] = [],
        cancellation: Cancellation? = nil
    ) {
        self.id = id
        self.personID = personID
        self.person = person
        self.etag = etag
        self.announcement = announcement
        self.situation = situation
        self.gravity = gravity
        self.collaborators = collaborators
        self.documents = documents
        self.logbook = logbook
        self.medicalMandate = medicalMandate
        self.decision = decision
        self.services = services
        self.cancellation = cancellation
    }

    /// The day the case ended: the day it was cancelled, or its closing date; nil while open.
    public var endedOn: Day? {
        if let cancellation { return Day(cancellation.at) }
        return decision.closedOn
    }

    /// Cancelled, closed (the decision tab has a closing date), or open.
    public var status: CaseStatus {
        if cancellation != nil { return .cancelled }
        return decision.closedOn != nil ? .closed : .open
    }
}
