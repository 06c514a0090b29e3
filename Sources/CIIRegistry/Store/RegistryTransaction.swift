/// The writes of the registry's storage, inside one transaction (``RegistryStore/transaction(_:)``):
/// they all commit together or none does. Reads through it see its own uncommitted writes.
public protocol RegistryTransaction: RegistryReading {
    /// Stores a new person; returns its id.
    func insertPerson(_ person: Person) async throws -> Int64
    /// Changes the details of person `id` (the AVS number and its index stay).
    func updatePerson(_ person: Person, id: Int64) async throws
    /// Stores a new case period (its `id` and `etag` are ignored); returns it with its id and ETag 1.
    func insertCase(_ period: CasePeriod) async throws -> CasePeriod
    /// Replaces every tab of case `period.id` if its current ETag is `ifMatch`; returns the new ETag.
    /// - Throws: ``RegistryError`` `.conflict` when the case changed meanwhile, `.notFound` when there is none.
    func updateCase(_ period: CasePeriod, ifMatch: CaseETag) async throws -> CaseETag
    /// Deletes case `id` with its history, notices and search rows, and its person when they have
    /// no other case (retention). The documents' files are the caller's to delete.
    /// - Throws: ``RegistryError`` `.notFound` when there is no such case.
    func deleteCase(_ id: Int64) async throws
    /// Appends history entries.
    func appendHistory(_ entries: [HistoryEntry]) async throws
    /// Adds a notice to the bureau's queue; returns its id.
    func addNotice(_ notice: BureauNotice) async throws -> Int64
    /// Adds (id 0) or replaces a directory entry; returns its id.
    func saveCollaborator(_ collaborator: Collaborator) async throws -> Int64
    /// Adds or replaces a document code.
    func saveDocumentCode(_ code: DocumentCode) async throws
    /// Adds (id 0) or replaces a training; returns its id.
    /// - Throws: ``RegistryError`` `.notFound` when there is no training with its id.
    func saveTraining(_ training: Training) async throws -> Int64
    /// Keeps `snapshot` unless one of its year is already kept (the first one stays); returns
    /// whether it was kept.
    func saveAnnualSnapshot(_ snapshot: AnnualSnapshot) async throws -> Bool
}
