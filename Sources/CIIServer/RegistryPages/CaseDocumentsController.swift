import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Foundation
import Hummingbird
import Logging

/// The documents of a case: the upload form (`POST /registry/cases/{id}/documents/upload`,
/// `multipart/form-data`, read as it arrives and streamed into the vault, never held whole) and
/// the download (`GET /registry/cases/{id}/documents/{vaultID}`, the API's own: streamed,
/// an attachment, audited before the first byte).
struct CaseDocumentsController: Sendable {
    let registry: RegistryPages
    let tabs: CaseController

    /// The names of the upload form's fields, which come before the file.
    static let fieldNames: Set<String> = [
        "csrf", "etag", "document.designation", "document.code", "document.powerOfAttorney.start", "document.powerOfAttorney.duration",
        "document.powerOfAttorney.unit",
    ]

    /// Adds the routes: the download for the readers; the upload on a group of the roles that
    /// change the documents tab, without the pages' form middleware (this form is multipart: its
    /// anti-forgery token is checked here, before the file is read).
    func addRoutes(readers: RouterGroup<NodeRequestContext>, uploaders: RouterGroup<NodeRequestContext>) {
        readers.get("/registry/cases/{id}/documents/{vaultID}") { request, context in try await self.download(request, context: context) }
        uploaders.post("/registry/cases/{id}/documents/upload") { request, context in try await self.upload(request, context: context) }
    }

    /// The file, through the API's download (same checks, same audit entry, same headers).
    func download(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        var controller = RegistryController(service: registry.service, access: registry.pages.access, today: registry.pages.today)
        controller.documents = registry.documents
        controller.documentLimit = registry.documentLimit
        var context = context
        context.registryActor = actor
        do {
            return try await controller.download(request, context: context)
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }

    /// Reads the form's fields, checks the token, the case, its version and the line, then
    /// streams the file into the vault and adds its line; every refusal shows the documents tab
    /// again with the problem next to its input and the values typed.
    func upload(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let state = PageState(request: request, context: context)
        guard let actor = registry.actor(context) else { return Pages.redirect("/login") }
        guard let id = RegistryPages.caseID(context) else { return registry.failure(RegistryError.notFound, state: state, context: context) }
        let texts = PageText.texts(state.language)
        guard let reader = MultipartReader(request) else { return badForm(state) }
        var values = [String: String]()
        var file: MultipartReader.Part?
        do {
            var total = 0
            while let part = try await reader.nextPart() {
                if part.name == "file" {
                    file = part
                    break
                }
                guard Self.fieldNames.contains(part.name) else { continue }
                let bytes = try await reader.content(limit: 64 * 1024 - total)
                total += bytes.count
                values[part.name] = String(decoding: bytes, as: UTF8.self)
            }
        } catch {
            return badForm(state)
        }
        let token = values["csrf"]?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        guard state.accepts(FormData(parsing: "csrf=\(token)"), request: request) else {
            return registry.pages.renderer.message(texts["error_title"] ?? "", texts["csrf"] ?? "", back: "/", state: state, status: .forbidden)
        }
        values["csrf"] = nil
        do {
            let current = try await registry.service.readCase(id, by: actor)  // out of scope: a 404 before anything else
            func again(_ problems: [String: String], error: String? = nil, status: HTTPResponse.Status) async throws -> Response {
                try await tabs.render(
                    current,
                    .documents,
                    actor: actor,
                    state: state,
                    error: error ?? texts["form_problems"],
                    upload: (values, problems),
                    status: status
                )
            }
            guard let etag = RegistryPages.etag(values["etag"]), etag == current.etag else {
                return try await again([:], error: texts["stale"], status: .conflict)
            }
            var form = CaseFormReader(values: values)
            let poa = CasePageTab.powerOfAttorney(&form, at: "document.powerOfAttorney")
            guard form.problems.isEmpty else {
                return try await again(RegistryPages.messages(form.problems, state.language), status: .unprocessableContent)
            }
            var line = CaseDocument(
                designation: values["document.designation"] ?? "",
                code: (values["document.code"] ?? "").trimmingCharacters(in: .whitespaces),
                vaultID: String(repeating: "0", count: 32),
                size: 0,
                kind: DocumentKind.pdf.rawValue,
                powerOfAttorney: poa
            )
            var refusal: RegistryError?
            do {
                try await registry.service.checkDocument(line, for: id, by: actor)
            } catch {
                refusal = error
            }
            if let refusal {
                guard refusal.kind == .invalid else { throw refusal }
                return try await again(
                    RegistryPages.messages(refusal.problems, state.language, field: CaseField.input),
                    status: .unprocessableContent
                )
            }
            guard let vault = registry.documents else {
                return try await again([:], error: texts["documents_unavailable"], status: .serviceUnavailable)
            }
            guard let file, !(file.filename ?? "").isEmpty else {
                return try await again(["file": texts["documents_file_missing"] ?? ""], status: .unprocessableContent)
            }
            let limit = registry.documentLimit
            if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit + 64 * 1024 {
                return try await again([RegistryAPIError.documentTooLarge(limit: limit)].fileProblems(state.language), status: .contentTooLarge)
            }
            let service = registry.service
            let outcome: (stored: StoredDocument, view: CaseView)
            do {
                outcome = try await registry.auditor.change(
                    .registryChange,
                    actor,
                    subject: "case:\(id)",
                    [("operation", "upload_document"), ("code", line.code)]
                ) { () async throws -> (StoredDocument, CaseView) in
                    let stored: StoredDocument
                    do throws(DocumentError) {
                        stored = try await vault.store(MultipartFileChunks(reader: reader), limit: limit)
                    } catch {
                        throw RegistryAPIError.of(error, limit: limit)
                    }
                    line.vaultID = stored.id.rawValue
                    line.size = Int64(stored.size)
                    line.kind = stored.kind.rawValue
                    do {
                        return (stored, try await service.addDocument(line, to: id, ifMatch: etag, by: actor))
                    } catch {
                        try? vault.delete(stored.id)  // the line was refused: no file without its line
                        throw error
                    }
                }
            } catch {
                if let refused = error as? RegistryAPIError, refused.status.code < 500 {
                    return try await again([refused].fileProblems(state.language), status: refused.status)
                }
                guard let refused = error as? RegistryError else { throw error }
                switch refused.kind {
                case .invalid:
                    return try await again(
                        RegistryPages.messages(refused.problems, state.language, field: CaseField.input),
                        status: .unprocessableContent
                    )
                case .conflict: return try await again([:], error: texts["stale"], status: .conflict)
                default: throw refused
                }
            }
            let (stored, view) = outcome
            registry.auditor.record(
                .registryChange,
                actor,
                subject: "case:\(id)",
                outcome: "stored",
                [("document", stored.id.rawValue), ("kind", stored.kind.rawValue), ("bytes", String(stored.size))]
            )
            return try await tabs.render(view, .documents, actor: actor, state: state, notice: texts["documents_uploaded"], status: .created)
        } catch {
            return registry.failure(error, state: state, context: context)
        }
    }

    /// The page of a body that is not the upload form.
    func badForm(_ state: PageState) -> Response {
        let texts = PageText.texts(state.language)
        return registry.pages.renderer.message(
            texts["error_title"] ?? "",
            texts["documents_bad_form"] ?? "",
            back: "/registry/cases",
            state: state,
            status: .badRequest
        )
    }
}

extension [RegistryAPIError] {
    /// The errors' messages as problems of the file input.
    fileprivate func fileProblems(_ language: Language) -> [String: String] {
        ["file": map { $0.problems.first?.message(language) ?? "" }.joined(separator: " ")]
    }
}
