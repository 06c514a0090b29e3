import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import Hummingbird

extension RegistryController {
    /// `POST /cases`: a person (found again by AVS number) and a new case period; 201 with the
    /// case, its `ETag` and `Location`, and the dispositifs that know the person (`knownElsewhere`,
    /// counted in the audit entry).
    func create(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let input = try await RegistryJSON.decode(NewCaseBody.self, from: request)
        // A new case looks up a number the caller chose, as a check does: it counts against the
        // caller's check limits, and past them the case is created without `knownElsewhere`.
        let lookingElsewhere = context.identity.map { access.admitCheck($0) == nil } ?? false
        let view = try await auditor.change(.registryChange, actor, subject: nil, [("operation", "create")]) {
            try await service.createCase(input.newCase, by: actor, lookingElsewhere: lookingElsewhere)
        }
        let detail = lookingElsewhere ? Self.knownElsewhereDetail(view) : [("knownElsewhere", "limited")]
        auditor.record(.registryChange, actor, subject: "case:\(view.id)", outcome: "created", detail)
        var response = try RegistryJSON.response(view, status: .created, etag: view.etag)
        response.headers[.location] = "/api/v1/registry/cases/\(view.id)"
        return response
    }

    /// `GET /cases/{id}`: every tab the caller may read, with the `ETag` to send back in `If-Match`,
    /// and the dispositifs that know the person (`knownElsewhere`, counted in the audit entry).
    func read(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let id = try Self.id(context)
        let view = try await service.openCase(id, by: actor)
        try await auditor.commit(.registryRead, actor, subject: "case:\(id)", [("what", "case")] + Self.knownElsewhereDetail(view))
        return try RegistryJSON.response(view, etag: view.etag)
    }

    /// `knownElsewhere=N` for the audit entry of a case created or read (nothing when the node
    /// made no lookup): the number of dispositifs, never which.
    static func knownElsewhereDetail(_ view: CaseView) -> [(String, String)] {
        view.knownElsewhere.map { [("knownElsewhere", String($0.count))] } ?? []
    }

    /// `GET /cases/{id}/history`: the changes of the tabs the caller may read, oldest first.
    func history(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let id = try Self.id(context)
        let entries = try await service.history(id, by: actor)
        try await auditor.commit(.registryRead, actor, subject: "case:\(id)", [("what", "history"), ("entries", String(entries.count))])
        return try RegistryJSON.response(entries)
    }

    /// `PUT /cases/{id}/{tab}` with `If-Match`: replaces one tab. Without `If-Match` 428; stale 412
    /// with nothing written; invalid 422 with every problem.
    func update(_ request: Request, context: NodeRequestContext, tab: String) async throws -> Response {
        let actor = try Self.actor(context)
        let id = try Self.id(context)
        _ = try await service.readCase(id, by: actor)  // the scope first: out of it is a 404 before anything else
        guard let header = request.headers[.ifMatch] else { throw RegistryAPIError.preconditionRequired }
        guard let etag = CaseETag(header: header) else { throw RegistryAPIError.preconditionRequired }
        if tab == "documents" { return try await replaceDocuments(request, context: context, id: id, etag: etag) }
        let change = try await Self.change(tab, request)
        let view = try await auditor.change(.registryChange, actor, subject: "case:\(id)", [("tab", tab), ("ifMatch", etag.header)]) {
            try await service.update(id, change, ifMatch: etag, by: actor)
        }
        return try RegistryJSON.response(view, etag: view.etag)
    }

    /// The change a tab's body describes.
    static func change(_ tab: String, _ request: Request) async throws -> CaseTabUpdate {
        switch tab {
        case "person": return .person(try await RegistryJSON.decode(PersonDetails.self, from: request, path: tab))
        case "announcement": return .announcement(try await RegistryJSON.decode(Announcement.self, from: request, path: tab))
        case "situation": return .situation(try await RegistryJSON.decode(Situation.self, from: request, path: tab))
        case "collaborators": return .collaborators(try await RegistryJSON.decode(CaseCollaborators.self, from: request, path: tab))
        case "documents": return .documents(try await RegistryJSON.decode([CaseDocument].self, from: request, path: tab))
        case "logbook": return .logbook(try await RegistryJSON.decode([LogbookEntry].self, from: request, path: tab))
        case "medical-mandate":
            return .medicalMandate(try await RegistryJSON.decode([SMRRequest].self, from: request, path: "medicalMandate"))
        case "decision": return .decision(try await RegistryJSON.decode(Decision.self, from: request, path: tab))
        case "services": return .services(try await RegistryJSON.decode([CaseService].self, from: request, path: tab))
        default: return .gravity(try await RegistryJSON.decode(GravityReviewBody.self, from: request, path: "gravity").decision())
        }
    }

    /// `POST /cases/{id}/cancellation` with `If-Match` and `{"reason": "…"}` (bureau).
    func cancel(_ request: Request, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let id = try Self.id(context)
        _ = try await service.readCase(id, by: actor)
        guard let header = request.headers[.ifMatch], let etag = CaseETag(header: header) else { throw RegistryAPIError.preconditionRequired }
        let body = try await RegistryJSON.decode(CancellationBody.self, from: request)
        let notice = try await auditor.change(.registryChange, actor, subject: "case:\(id)", [("operation", "cancel")]) {
            try await service.cancel(id, reason: body.reason, ifMatch: etag, by: actor)
        }
        mailBureau(notice, logger: context.logger)
        return try RegistryJSON.response(notice)
    }

    /// `GET /cases?…` and `POST /searches`: one page of case periods, with the criteria in the
    /// audit log (the AVS number masked).
    func search(_ criteria: SearchCriteria, context: NodeRequestContext) async throws -> Response {
        let actor = try Self.actor(context)
        let search = try criteria.search()
        let page = try await service.search(search, by: actor)
        try await auditor.commit(.registrySearch, actor, [("criteria", search.auditDescription), ("total", String(page.total))])
        return try RegistryJSON.response(page)
    }
}
