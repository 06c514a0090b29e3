import CIIAccess
import CIICore
import CIIRegistry
import CIIReport
import Hummingbird

extension NodeServer {
    /// The registry's pages on the coordinator, under `/registry/`. Each controller's routes go on
    /// a group that lets through only the roles the route allows (the 403 page for the others),
    /// decided before any handler runs and before a form is read, as for the API's groups.
    func addRegistryPages(
        to anyone: RouterGroup<NodeRequestContext>,
        forms: CheckedFormMiddleware,
        pages: Pages,
        registry: RegistryService
    ) {
        var registryPages = RegistryPages(pages: pages, service: registry)
        registryPages.documents = documents
        registryPages.documentLimit = configuration.registry.documentMaxBytes
        registryPages.bureauMail = bureauMail
        registryPages.directoryChanged = registryDirectoryChanged
        /// The group of the signed-in accounts of `roles`.
        func roles(_ roles: Set<AccountRole>) -> RouterGroup<NodeRequestContext> {
            anyone.group()
                .add(middleware: SignedInMiddleware(allowPendingPassword: false))
                .add(middleware: RoleMiddleware(roles: roles, pages: pages))
                .add(middleware: forms)
        }
        let readers = roles(RegistryController.caseRoles)
        let tabs = CaseController(registry: registryPages)
        CasesController(registry: registryPages).addRoutes(to: readers)
        CaseCreationController(registry: registryPages).addRoutes(to: roles([.respondent, .bureau]))
        CaseSummaryController(registry: registryPages).addRoutes(to: readers)
        CaseHistoryController(registry: registryPages).addRoutes(to: readers)
        CaseCancellationController(registry: registryPages).addRoutes(to: roles([.bureau]))
        // The upload form is multipart: its group has no form middleware (the controller checks the token).
        let uploaders = anyone.group()
            .add(middleware: SignedInMiddleware(allowPendingPassword: false))
            .add(middleware: RoleMiddleware(roles: CasePageTab.documents.editors, pages: pages))
        CaseDocumentsController(registry: registryPages, tabs: tabs).addRoutes(readers: readers, uploaders: uploaders)
        tabs.addRoutes(readers: readers, roles: roles)
        let bureau = roles([.bureau])
        let listKeepers = roles([.bureau, .admin])
        DirectoryPageController(registry: registryPages).addRoutes(to: listKeepers)
        CodeListPageController(registry: registryPages).addRoutes(to: listKeepers)
        BureauUsersPageController(registry: registryPages).addRoutes(to: listKeepers)
        PowerOfAttorneyPageController(registry: registryPages).addRoutes(to: bureau)
        TrainingPageController(registry: registryPages).addRoutes(to: bureau)
        if let annualReporter {
            ReportPageController(registry: registryPages, reporter: annualReporter).addRoutes(to: roles([.bureau]))
        }
    }
}
