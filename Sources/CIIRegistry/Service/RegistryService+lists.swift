import CIICore

extension RegistryService {
    /// The collaborator directory (every role with registry access reads it, to pick collaborators).
    public func collaborators(by actor: RegistryActor) async throws(RegistryError) -> [Collaborator] {
        try await run { try await store.read { try await $0.collaborators() } }
    }

    /// Adds (id 0) or changes a directory entry (bureau, admin); returns it with its id.
    public func saveCollaborator(_ entry: Collaborator, by actor: RegistryActor) async throws(RegistryError) -> Collaborator {
        guard RegistryAccess.allows(.manageDirectory, actor) else { throw RegistryError(.forbidden, "only the bureau keeps the directory") }
        var validation = Validation(context: ValidationContext(today: Day(now()), documentCodes: [], collaboratorIDs: []))
        entry.validate(into: &validation)
        try validation.check()
        var saved = entry
        saved.id = try await run { try await store.transaction { try await $0.saveCollaborator(entry) } }
        return saved
    }

    /// The codification of documents.
    public func documentCodes(by actor: RegistryActor) async throws(RegistryError) -> [DocumentCode] {
        try await run { try await store.read { try await $0.documentCodes() } }
    }

    /// Adds or changes a document code (bureau, admin).
    public func saveDocumentCode(_ code: DocumentCode, by actor: RegistryActor) async throws(RegistryError) {
        guard RegistryAccess.allows(.manageCodeLists, actor) else { throw RegistryError(.forbidden, "only the bureau keeps the code lists") }
        var validation = Validation(context: ValidationContext(today: Day(now()), documentCodes: [], collaboratorIDs: []))
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        if code.code.isEmpty || code.code.count > 20 || !code.code.allSatisfy(allowed.contains) {
            validation.add(
                "code",
                .notAllowed,
                LocalizedText(
                    fr: "Un code a 1 à 20 majuscules, chiffres ou tirets.",
                    de: "Ein Code hat 1 bis 20 Grossbuchstaben, Ziffern oder Bindestriche.",
                    en: "A code has 1 to 20 capitals, digits or dashes."
                )
            )
        }
        validation.text(code.labelFR, "labelFR", limit: Validation.shortTextLength)
        validation.text(code.labelDE, "labelDE", limit: Validation.shortTextLength)
        try validation.check()
        try await run { try await store.transaction { try await $0.saveDocumentCode(code) } }
    }
}
