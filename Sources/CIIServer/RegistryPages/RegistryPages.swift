import CIIAccess
import CIICore
import CIIRegistry

/// What the registry's page controllers share (coordinator only): the pages' renderer and access,
/// the registry's service and, when configured, the documents' vault and the bureau's mail. The
/// pages call the same service and auditor as the JSON API; only the rendering differs.
struct RegistryPages: Sendable {
    let pages: Pages
    let service: RegistryService
    /// The vault of the documents' files; without one, uploads and downloads are refused.
    var documents: DocumentVault?
    /// The largest document accepted, in bytes (`registry.document_max_bytes`).
    var documentLimit = NodeConfiguration.RegistrySettings().documentMaxBytes
    /// The bureau's e-mail (cancellations); nil sends none.
    var bureauMail: BureauMail?
    /// Called after a directory entry was saved (the coordinator re-signs its respondent directory).
    var directoryChanged: (@Sendable () async -> Void)?

    /// The auditor every registry read and change goes through, as for the API.
    var auditor: RegistryAuditor { RegistryAuditor(access: pages.access) }

    /// The registry actor of the request's session: nil without a session or for an account with
    /// no registry access (the role middleware of the page's group has let through only registry
    /// roles, so nil means the account changed meanwhile).
    func actor(_ context: NodeRequestContext) -> RegistryActor? {
        guard case .session(let session) = context.identity else { return nil }
        return RegistryActor(account: session.account)
    }
}
