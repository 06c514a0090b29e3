import CIICore

extension RegistryService {
    /// One page of the case periods matching `search` that `actor` sees. Cancelled cases only
    /// come when the bureau asks for them (status cancelled).
    /// - Throws: `.forbidden` for a role that does not search (or a non-bureau asking for
    ///   cancelled cases), `.invalid` for a page out of range.
    public func search(_ search: RegistrySearch, by actor: RegistryActor) async throws(RegistryError) -> SearchPage {
        guard RegistryAccess.allows(.search, actor) else { throw RegistryError(.forbidden, "this role does not search cases") }
        if search.status == .cancelled, !RegistryAccess.allows(.readCancelled, actor) {
            throw RegistryError(.forbidden, "only the bureau sees cancelled cases")
        }
        var validation = Validation(context: ValidationContext(today: Day(now()), documentCodes: [], collaboratorIDs: []))
        if search.page < 0 || search.page > 1_000_000 {
            validation.add("page", .outOfRange, LocalizedText(fr: "Page invalide.", de: "Ungültige Seite.", en: "Invalid page."))
        }
        if !(1...RegistrySearch.maximumPageSize).contains(search.pageSize) {
            validation.add(
                "pageSize",
                .outOfRange,
                LocalizedText(
                    fr: "De 1 à \(RegistrySearch.maximumPageSize) résultats par page.",
                    de: "1 bis \(RegistrySearch.maximumPageSize) Ergebnisse pro Seite.",
                    en: "1 to \(RegistrySearch.maximumPageSize) results per page."
                )
            )
        }
        for (field, text) in [("surname", search.surname), ("firstName", search.firstName)] {
            if let text { validation.text(text, field, limit: Validation.nameLength, required: false) }
        }
        try validation.check()
        let scope = RegistryAccess.scope(of: actor)
        if scope == .none { return SearchPage(items: [], total: 0, page: search.page, pageSize: search.pageSize) }
        var folded = search
        folded.surname = search.surname.map(NameFolding.fold).flatMap { $0.isEmpty ? nil : $0 }
        folded.firstName = search.firstName.map(NameFolding.fold).flatMap { $0.isEmpty ? nil : $0 }
        return try await run { try await store.read { try await $0.search(folded, scope: scope) } }
    }

    /// The history of case `id`: the changes of the tabs `actor` may read, oldest first.
    /// - Throws: `.notFound` outside the actor's scope, `.forbidden` for a role without history.
    public func history(_ id: Int64, by actor: RegistryActor) async throws(RegistryError) -> [HistoryEntry] {
        let (period, entries) = try await run {
            try await store.read { reader in (try await reader.casePeriod(id: id), try await reader.history(caseID: id)) }
        }
        guard let period, RegistryAccess.sees(period, actor) else { throw RegistryError.notFound }
        guard RegistryAccess.canRead(.history, actor) else { throw RegistryError(.forbidden, "this role does not read the history") }
        return entries.filter { RegistryAccess.canRead($0.tab, actor) }
    }
}
