import CIIAudit
import CIICore
import CIIRegistry
import HTTPTypes
import Hummingbird
import NIOCore

extension RegistryController {
    /// `GET /notices` (bureau): the queue of cancellations, newest first.
    func notices(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let notices = try await service.notices(by: actor)
        try await auditor.commit(.registryRead, actor, [("what", "notices"), ("count", String(notices.count))])
        return try RegistryJSON.response(notices)
    }

    /// `GET /powers-of-attorney[?on=YYYY-MM-DD]` (bureau): open cases whose power of attorney
    /// expired or expires within 30 days.
    func powersOfAttorney(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        var day = today()
        if let text = request.uri.queryParameters["on"] {
            guard let given = Day(parsing: text) else {
                throw RegistryAPIError.invalid(
                    "on",
                    "invalid_value",
                    LocalizedText(fr: "Date invalide (AAAA-MM-JJ).", de: "Ungültiges Datum (JJJJ-MM-TT).", en: "Invalid date (YYYY-MM-DD).")
                )
            }
            day = given
        }
        let alerts = try await service.powersOfAttorney(on: day, by: actor)
        try await auditor.commit(.registryRead, actor, [("what", "powers_of_attorney"), ("count", String(alerts.count))])
        return try RegistryJSON.response(alerts)
    }

    /// `GET /invoices/medical?year=2025&format=csv|json` (bureau): the yearly medical-mandate
    /// summary per announcing dispositif; the CSV's header in the request's language.
    func invoices(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        var problems = [RegistryAPIError.Problem]()
        let year = request.uri.queryParameters["year"].flatMap { Int(String($0)) }
        if year == nil || !(2000...2100).contains(year ?? 0) {
            problems.append(
                .init(
                    field: "year",
                    code: "out_of_range",
                    message: LocalizedText(
                        fr: "Année requise (2000 à 2100).",
                        de: "Jahr erforderlich (2000 bis 2100).",
                        en: "Year required (2000 to 2100)."
                    )
                )
            )
        }
        let format = request.uri.queryParameters["format"].map { String($0) } ?? "json"
        if format != "json", format != "csv" {
            problems.append(
                .init(field: "format", code: "unknown_code", message: LocalizedText(fr: "csv ou json.", de: "csv oder json.", en: "csv or json."))
            )
        }
        guard problems.isEmpty, let year else { throw RegistryAPIError(.unprocessableContent, problems: problems) }
        let summary = try await service.medicalInvoices(year: year, by: actor)
        try await auditor.commit(.registryExport, actor, [("what", "medical_invoices"), ("year", String(year)), ("format", format)])
        guard format == "csv" else { return try RegistryJSON.response(summary) }
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"factures-mandats-medicaux-\(year).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: summary.csv(language)))
        )
    }

    /// `GET /collaborators`: the collaborator directory.
    func collaborators(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        return try RegistryJSON.response(try await service.collaborators(by: actor))
    }

    /// `POST /collaborators` (new entry, 201) and `PUT /collaborators/{id}` (bureau, admin).
    func saveCollaborator(_ request: Request, context: NodeRequestContext, id: Int64?) async throws -> Response {
        let actor = try Self.actor(context)
        let body = try await RegistryJSON.decode(CollaboratorBody.self, from: request)
        if let id, !(try await service.collaborators(by: actor)).contains(where: { $0.id == id }) {
            throw RegistryAPIError(
                .notFound,
                code: "collaborator.not_found",
                LocalizedText(fr: "Aucune entrée avec ce numéro.", de: "Kein Eintrag mit dieser Nummer.", en: "No entry with this number.")
            )
        }
        let saved = try await auditor.change(
            .registryChange,
            actor,
            subject: id.map { "collaborator:\($0)" },
            [("operation", id == nil ? "add_collaborator" : "change_collaborator")]
        ) {
            try await service.saveCollaborator(body.collaborator(id: id ?? 0), by: actor)
        }
        await directoryChanged?()
        return try RegistryJSON.response(saved, status: id == nil ? .created : .ok)
    }

    /// `GET /document-codes`: the CII codification of documents.
    func documentCodes(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        return try RegistryJSON.response(try await service.documentCodes(by: actor))
    }

    /// `PUT /document-codes/{code}` (bureau, admin): adds or changes a code.
    func saveDocumentCode(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let body = try await RegistryJSON.decode(DocumentCodeBody.self, from: request)
        let code = DocumentCode(
            code: context.parameters.get("code") ?? "",
            labelFR: body.labelFR,
            labelDE: body.labelDE,
            isPowerOfAttorney: body.isPowerOfAttorney ?? false
        )
        try await auditor.change(.registryChange, actor, subject: "document_code:\(code.code)", [("operation", "save_document_code")]) {
            try await service.saveDocumentCode(code, by: actor)
        }
        return try RegistryJSON.response(code)
    }
}
