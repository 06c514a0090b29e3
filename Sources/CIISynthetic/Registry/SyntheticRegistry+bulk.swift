import CIICore
public import CIIRegistry
public import Foundation

extension SyntheticRegistry {
    /// Writes the directory and every case straight into `store`, `batch` cases per transaction,
    /// each case period complete (announcement, situation and its gravity score, collaborators,
    /// decision, services, logbook) with one "created" history entry.
    ///
    /// For benchmark data only (`Benchmarks/`, 100,000 cases in seconds): it skips the service's
    /// access checks and per-tab history, which ``write(into:as:)`` keeps. The synthetic input
    /// follows the service's rules, so what it stores is what the service would have stored.
    /// - Returns: the ids of the case periods written, in order.
    /// - Throws: whatever the store throws; ``RegistryError`` `.invalid` for a synthetic person the
    ///   rules refuse (none should be).
    public func bulkWrite(
        into store: any RegistryStore,
        weights: GravityWeights = .current,
        batch: Int = 1000,
        at date: Date = Date()
    )
        async throws -> [Int64]
    {
        let directory = collaborators
        let stored = try await store.transaction { tx in
            var ids: [Int64: Int64] = [:]
            for entry in directory {
                var fresh = entry
                fresh.id = 0
                ids[entry.id] = try await tx.saveCollaborator(fresh)
            }
            return ids
        }
        var written: [Int64] = []
        written.reserveCapacity(cases.count)
        var start = 0
        while start < cases.count {
            let slice = cases[start..<min(start + batch, cases.count)]
            let ids = try await store.transaction { tx in
                var ids: [Int64] = []
                for item in slice {
                    let period = try Self.period(item, collaborators: stored, weights: weights)
                    var personID = try await tx.person(avs: period.person.avs)?.id ?? 0
                    if personID == 0 { personID = try await tx.insertPerson(period.person) }
                    var draft = period
                    draft.personID = personID
                    let saved = try await tx.insertCase(draft)
                    try await tx.appendHistory([
                        HistoryEntry(caseID: saved.id, at: date, actor: "dev", field: "case", oldValue: nil, newValue: "\"created\"", sealed: false)
                    ])
                    ids.append(saved.id)
                }
                return ids
            }
            written += ids
            start += batch
        }
        return written
    }

    /// The complete case period of `item`, collaborator ids mapped to the stored directory's.
    static func period(_ item: SyntheticCase, collaborators stored: [Int64: Int64], weights: GravityWeights) throws -> CasePeriod {
        var validation = Validation(context: ValidationContext(today: .today(), documentCodes: [], collaboratorIDs: Set(stored.values)))
        guard let person = item.newCase.person.validated(into: &validation) else { throw RegistryError.invalid(validation.problems) }
        var collaborators = item.newCase.collaborators
        if let announcing = collaborators.announcing {
            collaborators.announcing = CaseCollaborator(collaboratorID: stored[announcing.collaboratorID] ?? 0, function: announcing.function)
        }
        let logbook = item.logbook.map { entry in
            var entry = entry
            entry.partners = entry.partners.compactMap { stored[$0] }
            return entry
        }
        return CasePeriod(
            person: person,
            announcement: item.newCase.announcement,
            situation: item.newCase.situation,
            gravity: GravityScore(factors: item.newCase.situation.riskFactors, weights: weights),
            collaborators: collaborators,
            logbook: logbook,
            decision: item.decision,
            services: item.services
        )
    }
}
