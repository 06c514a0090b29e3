import CIICore

extension RegistryService {
    /// Every case period, in case number order, open and closed ones, and cancelled ones with
    /// `includeCancelled` (bureau): what `ciid registry export` writes.
    /// - Throws: `.forbidden` for another role, `.unavailable` when the store fails.
    public func exportCases(includeCancelled: Bool, by actor: RegistryActor) async throws(RegistryError) -> [CasePeriod] {
        guard RegistryAccess.allows(.export, actor) else { throw RegistryError(.forbidden, "only the bureau exports the registry") }
        let statuses: [CaseStatus?] = includeCancelled ? [nil, .cancelled] : [nil]
        return try await run {
            try await store.read { reader in
                var ids: [Int64] = []
                for status in statuses {
                    var page = 0
                    while true {
                        let search = RegistrySearch(status: status, sort: .caseID, page: page, pageSize: RegistrySearch.maximumPageSize)
                        let found = try await reader.search(search, scope: .all)
                        ids += found.items.map(\.caseID)
                        if found.items.count < search.pageSize { break }
                        page += 1
                    }
                }
                var periods: [CasePeriod] = []
                for id in ids.sorted() {
                    if let period = try await reader.casePeriod(id: id) { periods.append(period) }
                }
                return periods
            }
        }
    }
}
