public import CIICore

extension RegistryService {
    /// Checks the metadata of a document about to be uploaded to case `id` (designation, a known
    /// code, a power of attorney's start and duration) before its file is read, so that a refused
    /// line costs no upload. Problems are reported under `document.…`.
    /// - Throws: `.notFound` outside the actor's scope, `.forbidden` for a role that may not change
    ///   the documents tab, `.invalid` with every problem.
    public func checkDocument(_ document: CaseDocument, for id: Int64, by actor: RegistryActor) async throws(RegistryError) {
        _ = try await readCase(id, by: actor)
        guard RegistryAccess.canWrite(.documents, actor) else { throw RegistryError(.forbidden, "this role may not change the documents tab") }
        let today = Day(now())
        var validation = Validation(context: try await run { try await store.read { try await Self.context($0, today: today) } })
        document.validate(into: &validation, at: "document")
        try validation.check()
    }

    /// Adds the line of a file just stored in the vault to the documents tab of case `id`, if the
    /// case is still at `ifMatch`. The one way a line with a new file enters the tab.
    /// - Throws: as ``update(_:_:ifMatch:by:)``.
    public func addDocument(
        _ document: CaseDocument,
        to id: Int64,
        ifMatch: CaseETag,
        by actor: RegistryActor
    ) async throws(RegistryError) -> CaseView {
        let before = try await current(id, ifMatch: ifMatch, by: actor)
        return try await update(id, .documents((before.documents ?? []) + [document]), ifMatch: ifMatch, by: actor)
    }

    /// Replaces the documents tab of case `id` as a client sends it (`PUT …/documents`): lines may
    /// be changed (designation, code, power of attorney), reordered or removed, but each must name
    /// a file the case already holds, once; its size and kind stay those the vault measured. A
    /// file enters a case only through ``addDocument(_:to:ifMatch:by:)``, so no case can take
    /// (and then read or delete) another case's file by naming its id.
    /// - Returns: the case after the change and the vault ids no line names any more.
    /// - Throws: as ``update(_:_:ifMatch:by:)``; `.invalid` (`documents[i].vaultID`) for a file the
    ///   case does not hold or a file named twice.
    public func replaceDocuments(
        _ documents: [CaseDocument],
        of id: Int64,
        ifMatch: CaseETag,
        by actor: RegistryActor
    ) async throws(RegistryError)
        -> DocumentsChange
    {
        let before = try await current(id, ifMatch: ifMatch, by: actor).documents ?? []
        var validation = Validation(context: ValidationContext(today: Day(now()), documentCodes: [], collaboratorIDs: []))
        var lines = [CaseDocument]()
        var named = Set<String>()
        for (index, document) in documents.enumerated() {
            guard let held = before.first(where: { $0.vaultID == document.vaultID }) else {
                validation.add(
                    "documents[\(index)].vaultID",
                    .unknownCode,
                    LocalizedText(
                        fr: "Ce fichier n'appartient pas à ce cas : déposez-le avec POST …/cases/{id}/documents.",
                        de: "Diese Datei gehört nicht zu diesem Fall: laden Sie sie mit POST …/cases/{id}/documents hoch.",
                        en: "This file does not belong to this case: upload it with POST …/cases/{id}/documents."
                    )
                )
                continue
            }
            guard named.insert(document.vaultID).inserted else {
                validation.add(
                    "documents[\(index)].vaultID",
                    .notAllowed,
                    LocalizedText(
                        fr: "Ce fichier figure déjà sur une autre ligne.",
                        de: "Diese Datei steht bereits auf einer anderen Zeile.",
                        en: "This file is already on another line."
                    )
                )
                continue
            }
            var line = document
            line.size = held.size
            line.kind = held.kind
            lines.append(line)
        }
        try validation.check()
        let view = try await update(id, .documents(lines), ifMatch: ifMatch, by: actor)
        return DocumentsChange(view: view, removed: before.map(\.vaultID).filter { !named.contains($0) })
    }

    /// Case `id` as `actor` sees it, provided it is still at `ifMatch`.
    func current(_ id: Int64, ifMatch: CaseETag, by actor: RegistryActor) async throws(RegistryError) -> CaseView {
        let view = try await readCase(id, by: actor)
        guard RegistryAccess.canWrite(.documents, actor) else { throw RegistryError(.forbidden, "this role may not change the documents tab") }
        guard view.etag == ifMatch else {
            throw RegistryError(.conflict, "the case changed since it was read (now \(view.etag.header)): read it again")
        }
        return view
    }
}
