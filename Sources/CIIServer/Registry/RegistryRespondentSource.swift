import CIICore
public import CIIFederation
public import CIIRegistry

/// The CII respondents the coordinator signs and serves its members, from the registry's
/// collaborator directory: its entries with the function of CII respondent (name, dispositif,
/// region, phone, e-mail; no other entry, nothing else of them). While the directory holds no
/// respondent, the bureau's former file (`DATA/respondents.json`) is served if there is one, so
/// that a federation moving to the registry keeps its contacts until they are entered there.
///
/// Read anew at every publication: an entry saved through the API or the CLI reaches the
/// members at their next fetch (`federation.respondents_seconds`).
public struct RegistryRespondentSource: RespondentSource {
    /// The registry.
    public let registry: RegistryService
    /// The file served while the directory holds no respondent (nil: none).
    public let fallback: RespondentFile?

    /// Who reads the directory (it is staff contact data, read without an audit entry).
    static let reader = RegistryActor(accountID: "federation", role: .bureau)

    /// The source of `registry`'s directory, falling back to `fallback`.
    public init(registry: RegistryService, fallback: RespondentFile?) {
        self.registry = registry
        self.fallback = fallback
    }

    /// The directory's respondents; the fallback's (or nil) while it has none.
    /// - Throws: ``FederationError`` `malformed` when the registry cannot be read (the directory
    ///   signed last is then served) or the fallback file is bad.
    public func respondents() async throws(FederationError) -> [RespondentEntry]? {
        let directory: [Collaborator]
        do {
            directory = try await registry.collaborators(by: Self.reader)
        } catch {
            throw FederationError(.malformed, "the registry's collaborator directory cannot be read: \(error.reason)")
        }
        let entries = directory.filter(\.isRespondent).map(Self.entry)
        guard entries.isEmpty else { return entries }
        return try fallback?.respondents()
    }

    /// The published form of a directory entry: the region by its French and German names.
    static func entry(_ collaborator: Collaborator) -> RespondentEntry {
        let fr = collaborator.region.label(.fr)
        let de = collaborator.region.label(.de)
        return RespondentEntry(
            name: collaborator.name,
            dispositif: collaborator.dispositif,
            region: fr == de ? fr : "\(fr)/\(de)",
            phone: collaborator.phone,
            email: collaborator.email
        )
    }
}
