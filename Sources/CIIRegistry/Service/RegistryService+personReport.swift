public import CIICore
import Foundation

extension RegistryService {
    /// Everything the registry holds about the person with `avs` (bureau; right of access, FADP
    /// art. 25), with the audit log's entries about them.
    /// - Parameters:
    ///   - accessLog: reads the audit log's entries whose subject is one of the given ones
    ///     (``PersonReport/auditSubjects(personID:caseIDs:)``); the caller owns the log.
    /// - Returns: the report, or nil when no person has this AVS number.
    /// - Throws: `.forbidden` for another role, `.unavailable` when the store or the audit log
    ///   cannot be read.
    public func personReport(
        avs: AVSNumber,
        by actor: RegistryActor,
        accessLog: (Set<String>) async throws -> [PersonReportAccess]
    ) async throws(RegistryError) -> PersonReport? {
        guard RegistryAccess.allows(.personReport, actor) else { throw RegistryError(.forbidden, "only the bureau answers the right of access") }
        let found = try await run {
            try await store.read { reader -> (StoredPerson, [PersonReportCase], [Collaborator], [DocumentCode], [BureauNotice])? in
                guard let stored = try await reader.person(avs: avs) else { return nil }
                var cases: [PersonReportCase] = []
                for id in try await reader.caseIDs(personID: stored.id) {
                    guard let period = try await reader.casePeriod(id: id) else { continue }
                    cases.append(PersonReportCase(period, history: try await reader.history(caseID: id)))
                }
                let ids = Set(cases.map(\.period.id))
                let notices = try await reader.notices(limit: Int(Int32.max)).filter { ids.contains($0.caseID) }
                return (stored, cases, try await reader.collaborators(), try await reader.documentCodes(), notices)
            }
        }
        guard let found else { return nil }
        let (stored, cases, directory, codes, notices) = found
        var named = Set<Int64>()
        var used = Set<String>()
        for item in cases {
            named.formUnion(item.period.collaborators?.collaboratorIDs ?? [])
            for entry in item.period.logbook ?? [] { named.formUnion(entry.partners) }
            for document in item.period.documents ?? [] { used.insert(document.code) }
        }
        let subjects = PersonReport.auditSubjects(personID: stored.id, caseIDs: cases.map(\.period.id))
        let log: [PersonReportAccess]
        do {
            log = try await accessLog(subjects)
        } catch {
            throw RegistryError(.unavailable, "the audit log cannot be read, so no report is made: \(error)")
        }
        return PersonReport(
            generatedAt: now(),
            personID: stored.id,
            person: stored.person,
            cases: cases,
            collaborators: directory.filter { named.contains($0.id) },
            documentCodes: codes.filter { used.contains($0.code) },
            notices: notices,
            accessLog: log
        )
    }
}
