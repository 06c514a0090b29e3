import CIIRegistry
import CIIRegistrySQLite
import Foundation
import Testing

/// `ciid backup` and `restore` on the coordinator carry the registry: its database, its key and
/// its documents (not the uploads still being written).
@Suite(.serialized) struct RegistryBackupTests {
    @Test func backupAndRestoreCarryTheRegistry() async throws {
        let federation = try FederationHarness(dispositifs: [])
        let coordinator = try federation.folder("cii-vs")
        try federation.ciid("dev", "registry", "--data-dir", coordinator, "--cases", "12", "--year", "2025")
        let documents = coordinator + "/registry/documents"
        try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
        try Data("sealed bytes".utf8).write(to: URL(fileURLWithPath: documents + "/d1"))
        try Data("half an upload".utf8).write(to: URL(fileURLWithPath: documents + "/.d2.part"))
        let backup = federation.folder + "/backup"
        try federation.ciid("backup", "--data-dir", coordinator, "--output", backup)
        #expect(FileManager.default.fileExists(atPath: backup + "/keys/registry.key"))
        #expect(FileManager.default.fileExists(atPath: backup + "/registry/documents/d1"))
        #expect(!FileManager.default.fileExists(atPath: backup + "/registry/documents/.d2.part"))
        let mode = try FileManager.default.attributesOfItem(atPath: backup + "/registry.sqlite")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let restored = federation.folder + "/restored"
        try federation.ciid("restore", "--data-dir", restored, backup)
        let key = try RegistryKey.load(at: restored + "/keys/registry.key")
        let service = RegistryService(store: try SQLiteRegistryStore(path: restored + "/registry.sqlite", key: key))
        let page = try await service.search(RegistrySearch(pageSize: 50), by: RegistryActor(accountID: "test", role: .bureau))
        #expect(page.total == 12)
        #expect(try String(contentsOfFile: restored + "/registry/documents/d1", encoding: .utf8) == "sealed bytes")
    }
}
