import CIICore
import Foundation
import Testing

@testable import CIIRegistry

/// Files of the vault that no case names (a crash between an upload's file and its line) are
/// found once they are older than a day; files a case names, and fresh ones, never are.
struct RegistryOrphanDocumentTests {
    @Test func onlyOldFilesThatNoCaseNamesAreOrphans() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let vault = try DocumentVault(folder: "\(fixture.folder)/documents", key: fixture.key.documentKey)
        let named = try await vault.store(Pieces.of(DocumentSamples.text()), limit: 1_000_000)
        let orphan = try await vault.store(Pieces.of(DocumentSamples.text()), limit: 1_000_000)
        let fresh = try await vault.store(Pieces.of(DocumentSamples.text()), limit: 1_000_000)
        let cancelledCase = try await vault.store(Pieces.of(DocumentSamples.text()), limit: 1_000_000)

        let bureau = RegistryFixture.bureau
        func line(_ stored: StoredDocument) -> CaseDocument {
            CaseDocument(designation: "Rapport", code: "RAP", vaultID: stored.id.rawValue, size: Int64(stored.size), kind: stored.kind.rawValue)
        }
        let a = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: bureau)
        _ = try await fixture.service.update(a.id, .documents([line(named)]), ifMatch: a.etag, by: bureau)
        let b = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(2)), by: bureau)
        let withFile = try await fixture.service.update(b.id, .documents([line(cancelledCase)]), ifMatch: b.etag, by: bureau)
        _ = try await fixture.service.cancel(b.id, reason: "Doublon", ifMatch: withFile.etag, by: bureau)

        // The service's clock is the fixture's noon: two files are two days old by it, one an hour.
        let noon = fixture.service.now()
        for (stored, age) in [(named, 2 * 86_400.0), (orphan, 2 * 86_400.0), (cancelledCase, 2 * 86_400.0), (fresh, 3_600.0)] {
            try FileManager.default.setAttributes([.modificationDate: noon.addingTimeInterval(-age)], ofItemAtPath: vault.path(of: stored.id))
        }
        #expect(try await fixture.service.orphanDocuments(in: vault) == [orphan.id])
        try vault.delete(orphan.id)
        #expect(try await fixture.service.orphanDocuments(in: vault) == [])
    }
}
