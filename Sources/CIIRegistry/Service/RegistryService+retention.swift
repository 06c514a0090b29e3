public import CIICore

extension RegistryService {
    /// The cases closed or cancelled more than `years` years before `today` (the same calendar
    /// day; 29 February falls back to 28 February), with what would go with them.
    public func retentionDue(today: Day, years: Int) async throws(RegistryError) -> [RetentionItem] {
        let limit = today.minus(years: years)
        return try await run {
            try await store.read { reader in
                var items: [RetentionItem] = []
                for id in try await reader.casesEnded(before: limit) {
                    guard let period = try await reader.casePeriod(id: id), let ended = period.endedOn else { continue }
                    let others = try await reader.caseIDs(personID: period.personID).filter { $0 != id }
                    items.append(
                        RetentionItem(
                            caseID: id,
                            status: period.status,
                            endedOn: ended,
                            documents: period.documents.map(\.vaultID),
                            personGoes: others.isEmpty
                        )
                    )
                }
                return items
            }
        }
    }

    /// Deletes the personal data of every case ``retentionDue(today:years:)`` lists, one case per
    /// transaction, and returns what went. `removed` is called after each case's commit (to
    /// delete its documents' files and write the audit entry); a case that fails stops the sweep
    /// with an error, the ones before it staying deleted.
    public func applyRetention(
        today: Day,
        years: Int,
        removed: (RetentionItem) async throws -> Void
    ) async throws(RegistryError) -> [RetentionItem] {
        var done: [RetentionItem] = []
        for item in try await retentionDue(today: today, years: years) {
            try await run { try await store.transaction { try await $0.deleteCase(item.caseID) } }
            do {
                try await removed(item)
            } catch {
                throw RegistryError(.unavailable, "case \(item.caseID) was deleted, but what follows it failed: \(error)")
            }
            done.append(item)
        }
        return done
    }
}
