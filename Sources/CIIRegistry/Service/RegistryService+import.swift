import CIICore
import Foundation

extension RegistryService {
    /// Imports case periods (`ciid registry import`), row by row: each is validated with the
    /// registry's rules; the valid ones are written in one transaction (all, or none when the
    /// storage fails). A person is found again by AVS number and gets a new case period; a case
    /// period whose person already has one with the same announcement day and dispositif is
    /// skipped, and so is a repeat within `cases`. Each created case gets a history entry
    /// `case: "imported"`.
    ///
    /// - Parameters:
    ///   - cases: the rows, in file order.
    ///   - dryRun: only say what would happen; nothing is written.
    ///   - actor: the bureau.
    /// - Returns: one outcome per input, in order.
    /// - Throws: `.forbidden` for any role but the bureau, `.unavailable` when the storage fails.
    public func importCases(
        _ cases: [ImportedCase],
        dryRun: Bool = false,
        by actor: RegistryActor
    ) async throws(RegistryError)
        -> [CaseImportOutcome]
    {
        guard RegistryAccess.allows(.importCases, actor) else { throw RegistryError(.forbidden, "only the bureau imports cases") }
        let date = now()
        let weights = weights
        if dryRun {
            return try await run {
                try await store.read { reader in
                    try await Self.importing(cases, reader: reader, writer: nil, date: date, weights: weights, actor: actor.accountID)
                }
            }
        }
        return try await run {
            try await store.transaction { tx in
                try await Self.importing(cases, reader: tx, writer: tx, date: date, weights: weights, actor: actor.accountID)
            }
        }
    }

    /// The work of ``importCases(_:dryRun:by:)``; writes through `writer` unless it is `nil`.
    private static func importing(
        _ cases: [ImportedCase],
        reader: any RegistryReading,
        writer: (any RegistryTransaction)?,
        date: Date,
        weights: GravityWeights,
        actor: String
    ) async throws -> [CaseImportOutcome] {
        let context = try await context(reader, today: Day(date))
        var outcomes = [CaseImportOutcome]()
        outcomes.reserveCapacity(cases.count)
        var firstIndex = [ImportKey: Int]()
        // The people met so far: their stored id (0 for one this dry run would create) and the
        // announcement day and dispositif of the case periods they had before the import.
        var people = [AVSNumber: (id: Int64, periods: [ImportKey: Int64])]()
        for (index, item) in cases.enumerated() {
            var validation = Validation(context: context)
            guard let person = item.validated(into: &validation), validation.problems.isEmpty else {
                outcomes.append(.invalid(validation.problems))
                continue
            }
            let key = ImportKey(avs: person.avs, announcedOn: item.announcement.announcedOn, dispositif: item.announcement.dispositif)
            if let earlier = firstIndex[key] {
                outcomes.append(.duplicateInInput(earlier: earlier))
                continue
            }
            firstIndex[key] = index
            if people[person.avs] == nil, let stored = try await reader.person(avs: person.avs) {
                var periods = [ImportKey: Int64]()
                for caseID in try await reader.caseIDs(personID: stored.id) {
                    guard let period = try await reader.casePeriod(id: caseID) else { continue }
                    let known = ImportKey(avs: person.avs, announcedOn: period.announcement.announcedOn, dispositif: period.announcement.dispositif)
                    periods[known] = periods[known] ?? caseID
                }
                people[person.avs] = (stored.id, periods)
            }
            if let caseID = people[person.avs]?.periods[key] {
                outcomes.append(.alreadyInRegistry(caseID: caseID))
                continue
            }
            let known = people[person.avs]
            guard let writer else {
                if known == nil { people[person.avs] = (0, [:]) }
                outcomes.append(.created(caseID: 0, newPerson: known == nil))
                continue
            }
            let personID: Int64
            if let known {
                personID = known.id
            } else {
                personID = try await writer.insertPerson(person)
                people[person.avs] = (personID, [:])
            }
            let stored = try await writer.insertCase(
                CasePeriod(
                    personID: personID,
                    person: person,
                    announcement: item.announcement,
                    situation: item.situation,
                    gravity: GravityScore(factors: item.situation.riskFactors, weights: weights),
                    decision: item.decision,
                    services: item.services
                )
            )
            try await writer.appendHistory([
                HistoryEntry(caseID: stored.id, at: date, actor: actor, field: "case", oldValue: nil, newValue: "\"imported\"", sealed: false)
            ])
            outcomes.append(.created(caseID: stored.id, newPerson: known == nil))
        }
        return outcomes
    }
}
