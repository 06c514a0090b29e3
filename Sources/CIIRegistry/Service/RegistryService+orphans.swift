import Foundation

extension RegistryService {
    /// How long a stored file may go without a line naming it before the sweep deletes it: an
    /// upload stores its file, then adds its line, so a file younger than this may be on its way.
    public static let orphanGrace: Duration = .seconds(86_400)

    /// The files of `vault` that no case's documents tab names and that were stored more than
    /// ``orphanGrace`` ago: left by a crash between an upload's file and its line, or by a line's
    /// removal whose file deletion failed. The retention sweep deletes them.
    public func orphanDocuments(in vault: DocumentVault) async throws(RegistryError) -> [DocumentID] {
        let cutoff = now().addingTimeInterval(-TimeInterval(Self.orphanGrace.components.seconds))
        let candidates = vault.documents(storedBefore: cutoff)
        guard !candidates.isEmpty else { return [] }
        let named = try await run { try await store.read { try await $0.documentVaultIDs() } }
        return candidates.filter { !named.contains($0.rawValue) }.sorted { $0.rawValue < $1.rawValue }
    }
}
