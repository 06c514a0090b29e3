/// A case period as one actor may see it: the tabs their role may not read are left out (`nil`).
public struct CaseView: Sendable, Hashable, Codable {
    /// The case's id.
    public var id: Int64
    /// The person's id.
    public var personID: Int64
    /// The version to send back in `If-Match`.
    public var etag: CaseETag
    /// Open, closed or cancelled.
    public var status: CaseStatus
    /// The person.
    public var person: Person?
    /// Tab "Dispositifs annonceurs".
    public var announcement: Announcement?
    /// Tab "Situation".
    public var situation: Situation?
    /// The gravity index (bureau).
    public var gravity: GravityScore?
    /// Tab "Collaborateurs".
    public var collaborators: CaseCollaborators?
    /// Tab "Documents".
    public var documents: [CaseDocument]?
    /// Tab "Journal de bord".
    public var logbook: [LogbookEntry]?
    /// Tab "Mandat médical" (bureau).
    public var medicalMandate: [SMRRequest]?
    /// Tab "Décision".
    public var decision: Decision?
    /// Tab "Prestations".
    public var services: [CaseService]?
    /// The cancellation, for the bureau.
    public var cancellation: Cancellation?
    /// The dispositifs that know the person (the coordinator's replica, inside the window), with
    /// whom to contact there; set when a case is created or opened (``RegistryService/openCase(_:by:)``),
    /// absent elsewhere and when the node has no lookup (or it failed).
    public var knownElsewhere: [KnownElsewhere]?

    /// What `actor` may see of `period`.
    public init(_ period: CasePeriod, for actor: RegistryActor) {
        func readable(_ tab: CaseTab) -> Bool { RegistryAccess.canRead(tab, actor) }
        id = period.id
        personID = period.personID
        etag = period.etag
        status = period.status
        person = readable(.person) ? period.person : nil
        announcement = readable(.announcement) ? period.announcement : nil
        situation = readable(.situation) ? period.situation : nil
        gravity = readable(.gravity) ? period.gravity : nil
        collaborators = readable(.collaborators) ? period.collaborators : nil
        documents = readable(.documents) ? period.documents : nil
        logbook = readable(.logbook) ? period.logbook : nil
        medicalMandate = readable(.medicalMandate) ? period.medicalMandate : nil
        decision = readable(.decision) ? period.decision : nil
        services = readable(.services) ? period.services : nil
        cancellation = RegistryAccess.allows(.readCancelled, actor) ? period.cancellation : nil
    }
}
