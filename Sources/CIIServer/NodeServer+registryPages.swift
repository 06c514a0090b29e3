import CIIAccess
import CIICore
import CIIRegistry
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
        _ = (registryPages, roles)  // each registry page controller adds its routes here
    }
}
