import CIICore

extension RegistryService {
    /// The case `id` as `actor` may see it, with the dispositifs that know the person
    /// (``CaseView/knownElsewhere``): what opening a case shows.
    /// - Throws: `.notFound` when it does not exist or lies outside the actor's scope.
    public func openCase(_ id: Int64, by actor: RegistryActor) async throws(RegistryError) -> CaseView {
        let period = try await run { try await store.read { try await $0.casePeriod(id: id) } }
        guard let period, RegistryAccess.sees(period, actor) else { throw RegistryError.notFound }
        var view = CaseView(period, for: actor)
        view.knownElsewhere = await knownElsewhere(of: period.person.avs, region: period.announcement.region)
        return view
    }

    /// The dispositifs that know the person with `avs`, each with the directory's respondents
    /// there (those of `region` first); nil without a lookup, or when the lookup or the directory
    /// cannot be read (the wiring's lookup logs why): the case is shown, or created, all the same.
    func knownElsewhere(of avs: AVSNumber, region: Region) async -> [KnownElsewhere]? {
        guard let lookup = knownElsewhereLookup, let known = try? await lookup.dispositifs(knowing: avs, today: Day(now())) else {
            return nil
        }
        guard !known.isEmpty else { return [] }
        guard let directory = try? await store.read({ try await $0.collaborators() }) else { return nil }
        let respondents = directory.filter(\.isRespondent)
        func order(_ entry: Collaborator) -> (Int, String, String, Int64) {
            (entry.region == region ? 0 : 1, entry.region.rawValue, entry.name, entry.id)
        }
        return known.map { match in
            let contacts = respondents.filter { $0.dispositif == match.dispositif }.sorted { order($0) < order($1) }
            return KnownElsewhere(
                dispositif: match.dispositif,
                node: match.node,
                lastFollowUp: match.lastFollowUp,
                contacts: contacts.map(KnownElsewhere.Contact.init)
            )
        }
    }
}
