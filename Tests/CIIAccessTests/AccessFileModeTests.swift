import CIICore
import Foundation
import Testing

@testable import CIIAccess

/// The access database and its WAL files are their owner's alone, whatever the umask of the
/// process that creates them.
@Suite("File modes of the access database")
struct AccessFileModeTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("an access database created under umask 022 is 0600, with its -wal, -shm and backup")
    func accessDatabaseIsPrivate() throws {
        let folder = NSTemporaryDirectory() + "ciid-access-modes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = umask(0o022)
        defer { umask(previous) }
        let store = try AccessStore(path: folder + "/access.sqlite")
        _ = try store.accounts()
        for suffix in ["", "-wal", "-shm"] {
            #expect(try Self.mode(folder + "/access.sqlite" + suffix) == 0o600, "access.sqlite\(suffix)")
        }
        try store.backup(to: folder + "/copy.sqlite")
        #expect(try Self.mode(folder + "/copy.sqlite") == 0o600)
    }
}
