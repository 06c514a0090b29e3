public import CIIAccess
import CIIAudit
public import CIICore
public import CIIRegistry
public import Hummingbird

/// The registry's JSON API under `/api/v1/registry/` (coordinator only), described by
/// `docs/registry-openapi.yaml`.
///
/// The caller is a signed-in registry account (session cookie, and `X-CSRF-Token` on writes).
/// Who may call a route depends on the role alone and is decided by the route's group
/// (``RegistryRoleMiddleware``); which cases the caller sees is the service's (a case outside
/// it is a 404, like a missing one). Every error has the shape of ``RegistryAPIError``; every
/// read, search, change and export is in the audit log before it is answered.
public struct RegistryController: Sendable {
    let service: RegistryService
    let access: AccessControl
    let today: @Sendable () -> Day
    /// Called after a directory entry was saved (the coordinator re-signs its respondent directory).
    public var directoryChanged: (@Sendable () async -> Void)?
    /// The vault of the documents' files; without one, uploads and downloads answer 503.
    public var documents: DocumentVault?
    /// The largest document accepted, in bytes (`registry.document_max_bytes`).
    public var documentLimit = NodeConfiguration.RegistrySettings().documentMaxBytes
    /// The bureau's e-mail (cancellations); nil sends none.
    public var bureauMail: BureauMail?

    /// Creates the controller.
    public init(service: RegistryService, access: AccessControl, today: @escaping @Sendable () -> Day) {
        self.service = service
        self.access = access
        self.today = today
    }

    var auditor: RegistryAuditor { RegistryAuditor(access: access) }

    /// The roles that work on cases.
    static let caseRoles: Set<AccountRole> = [.respondent, .coordinator, .bureau]
    /// The tabs, by the name of their route, and who may change them.
    static let tabs: [(name: String, roles: Set<AccountRole>)] = [
        ("person", [.respondent, .bureau]),
        ("announcement", [.respondent, .bureau]),
        ("situation", [.respondent, .bureau]),
        ("collaborators", [.respondent, .bureau]),
        ("documents", [.respondent, .bureau]),
        ("logbook", [.respondent, .bureau]),
        ("medical-mandate", [.bureau]),
        ("decision", [.coordinator, .bureau]),
        ("services", [.coordinator, .bureau]),
        ("gravity", [.bureau]),
    ]

    /// Adds the routes to `router`, behind the session authenticator, the registry's session
    /// check and each route's role group.
    public func addRoutes(to router: Router<NodeRequestContext>) {
        let api = router.group("/api/v1/registry")
            .add(middleware: SecurityHeadersMiddleware())
            .add(middleware: RegistryErrorMiddleware())
            .add(middleware: SessionAuthenticator(access: access))
            .add(middleware: RegistrySessionMiddleware(access: access))
        func roles(_ roles: Set<AccountRole>) -> RouterGroup<NodeRequestContext> {
            api.group().add(middleware: RegistryRoleMiddleware(roles: roles))
        }
        let readers = roles(Self.caseRoles)
        let everyone = roles(Self.caseRoles.union([.admin]))
        let bureau = roles([.bureau])
        let listKeepers = roles([.bureau, .admin])

        roles([.respondent, .bureau]).post("/cases") { request, context in try await self.create(request, context: context) }
        readers.get("/cases") { request, context in try await self.search(SearchCriteria.query(request), context: context) }
        readers.post("/searches") { request, context in
            try await self.search(try await RegistryJSON.decode(SearchCriteria.self, from: request), context: context)
        }
        readers.get("/cases/{id}") { request, context in try await self.read(request, context: context) }
        readers.get("/cases/{id}/history") { request, context in try await self.history(request, context: context) }
        for tab in Self.tabs {
            roles(tab.roles).put(RouterPath("/cases/{id}/\(tab.name)")) { request, context in
                try await self.update(request, context: context, tab: tab.name)
            }
        }
        roles([.respondent, .bureau]).post("/cases/{id}/documents") { request, context in try await self.upload(request, context: context) }
        readers.get("/cases/{id}/documents/{vaultID}") { request, context in try await self.download(request, context: context) }
        bureau.post("/cases/{id}/cancellation") { request, context in try await self.cancel(request, context: context) }
        bureau.get("/notices") { request, context in try await self.notices(request, context: context) }
        bureau.get("/powers-of-attorney") { request, context in try await self.powersOfAttorney(request, context: context) }
        bureau.get("/invoices/medical") { request, context in try await self.invoices(request, context: context) }
        bureau.get("/trainings") { request, context in try await self.trainings(request, context: context) }
        bureau.post("/trainings") { request, context in try await self.saveTraining(request, context: context, id: nil) }
        bureau.put("/trainings/{id}") { request, context in try await self.saveTraining(request, context: context, id: try Self.id(context)) }
        bureau.post("/person-reports") { request, context in try await self.personReport(request, context: context) }
        everyone.get("/collaborators") { request, context in try await self.collaborators(request, context: context) }
        listKeepers.post("/collaborators") { request, context in try await self.saveCollaborator(request, context: context, id: nil) }
        listKeepers.put("/collaborators/{id}") { request, context in
            try await self.saveCollaborator(request, context: context, id: try Self.id(context))
        }
        everyone.get("/document-codes") { request, context in try await self.documentCodes(request, context: context) }
        listKeepers.put("/document-codes/{code}") { request, context in try await self.saveDocumentCode(request, context: context) }
    }

    /// The actor the session middleware put in the context.
    static func actor(_ context: NodeRequestContext) throws(RegistryAPIError) -> RegistryActor {
        guard let actor = context.registryActor else { throw RegistryAPIError.authRequired }
        return actor
    }

    /// The `{id}` of the path; anything but a positive number is a case that does not exist.
    static func id(_ context: NodeRequestContext) throws(RegistryAPIError) -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw RegistryAPIError.notFound }
        return id
    }
}
