import CIIStore
import Foundation
import Testing

/// The node database and its WAL files are their owner's alone, whatever the umask of the
/// process that creates them.
@Suite("File modes of the node database")
struct FileModeTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a node database created under umask 022 is 0600, with its -wal, -shm and backup")
    func nodeDatabaseIsPrivate() throws {
        let folder = NSTemporaryDirectory() + "ciid-modes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = umask(0o022)
        defer { umask(previous) }
        let store = try NodeStore(path: folder + "/node.sqlite")
        _ = try store.lastSequence()
        for suffix in ["", "-wal", "-shm"] {
            #expect(try Self.mode(folder + "/node.sqlite" + suffix) == 0o600, "node.sqlite\(suffix)")
        }
        try store.backup(to: folder + "/copy.sqlite")
        #expect(try Self.mode(folder + "/copy.sqlite") == 0o600)
    }

    @Test("an existing database keeps its mode (ciid status names it); its -wal and -shm are narrowed to 0600")
    func existingDatabase() throws {
        let folder = NSTemporaryDirectory() + "ciid-modes-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/node.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644]))
        let store = try NodeStore(path: path)
        _ = try store.lastSequence()
        #expect(try Self.mode(path) == 0o644)
        #expect(try Self.mode(path + "-wal") == 0o600)
        #expect(try Self.mode(path + "-shm") == 0o600)
    }
}
