public import CIICore

/// What the registry's storage answers. Implemented by every backend (SQLite today, PostgreSQL
/// later): nothing here is specific to one engine. Errors are ``RegistryError`` or the backend's own.
public protocol RegistryReading: Sendable {
    /// The case period `id` with every tab, cancelled or not; `nil` when there is none.
    func casePeriod(id: Int64) async throws -> CasePeriod?
    /// The person with this AVS number (found through the keyed index), if any.
    func person(avs: AVSNumber) async throws -> StoredPerson?
    /// The case periods of one person, oldest first.
    func caseIDs(personID: Int64) async throws -> [Int64]
    /// One page of the case periods matching `search` within `scope`, sorted.
    func search(_ search: RegistrySearch, scope: CaseScope) async throws -> SearchPage
    /// The open cases whose latest power of attorney expires on or before `day`, soonest first.
    func casesWithPowerOfAttorney(expiringBy day: Day) async throws -> [Int64]
    /// The cases closed or cancelled before `day` (their end: the closing date, or the day of the
    /// cancellation), earliest first.
    func casesEnded(before day: Day) async throws -> [Int64]
    /// The cases (cancelled ones too) with at least one SMR request.
    func casesWithMedicalMandate() async throws -> [Int64]
    /// The vault ids the documents tabs of every case (cancelled ones too) name.
    func documentVaultIDs() async throws -> Set<String>
    /// The history of a case, oldest first.
    func history(caseID: Int64) async throws -> [HistoryEntry]
    /// The bureau's notices, newest first.
    func notices(limit: Int) async throws -> [BureauNotice]
    /// The collaborator directory, by name.
    func collaborators() async throws -> [Collaborator]
    /// The codification of documents, by code.
    func documentCodes() async throws -> [DocumentCode]
    /// The trainings and regional days held from `from` to `to` (both included), by date.
    func trainings(from: Day, to: Day) async throws -> [Training]
    /// The case periods announced on or before `day` that were not cancelled, as the annual report
    /// reads them (no name, no AVS number), by id.
    func reportCases(announcedBy day: Day) async throws -> [ReportCase]
    /// The annual report's snapshot of `year`, if one was taken.
    func annualSnapshot(year: Int) async throws -> AnnualSnapshot?
}
