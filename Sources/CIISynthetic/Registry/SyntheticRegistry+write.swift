public import CIIRegistry

extension SyntheticRegistry {
    /// Writes the directory and the cases through `service`'s own rules, as `bureau` would: each
    /// case is created, then its decision, services and logbook are filled in. Directory entries
    /// the store already has (same dispositif, region and function) are reused.
    /// - Throws: ``RegistryError`` when the service refuses something (nothing synthetic should be).
    public func write(into service: RegistryService, as bureau: RegistryActor) async throws(RegistryError) {
        var known = try await service.collaborators(by: bureau)
        var stored: [Int64: Int64] = [:]
        for entry in collaborators {
            if let same = known.first(where: { $0.dispositif == entry.dispositif && $0.region == entry.region && $0.function == entry.function }) {
                stored[entry.id] = same.id
            } else {
                var fresh = entry
                fresh.id = 0
                let saved = try await service.saveCollaborator(fresh, by: bureau)
                known.append(saved)
                stored[entry.id] = saved.id
            }
        }
        for item in cases {
            var input = item.newCase
            if let announcing = input.collaborators.announcing {
                input.collaborators.announcing = CaseCollaborator(
                    collaboratorID: stored[announcing.collaboratorID] ?? 0,
                    function: announcing.function
                )
            }
            let logbook = item.logbook.map { entry in
                var entry = entry
                entry.partners = entry.partners.compactMap { stored[$0] }
                return entry
            }
            var view = try await service.createCase(input, by: bureau)
            view = try await service.update(view.id, .decision(item.decision), ifMatch: view.etag, by: bureau)
            if !item.services.isEmpty { view = try await service.update(view.id, .services(item.services), ifMatch: view.etag, by: bureau) }
            _ = try await service.update(view.id, .logbook(logbook), ifMatch: view.etag, by: bureau)
        }
    }
}
