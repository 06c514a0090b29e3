import CIICore
import Foundation
import Testing

extension EndToEndTests {
    /// Files that others may read on purpose: certificates and public keys.
    static let publicFiles: Set<String> = ["tls/ca.crt", "tls/node.crt", "keys/signing.pub", "keys/box.pub"]

    @Test func initImportAndStatusLeaveEveryPrivateFileToItsOwner() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let previous = umask(0o022)
        defer { umask(previous) }
        try makeNode(known: AVSNumber(completing: 756_300_000_006), alsoOurs: AVSNumber(completing: 756_300_000_007))
        try "N° AVS;Début du suivi;Dernier suivi;Conseiller\n756.9217.0769.85;01.02.2024;;c-17\n".write(
            toFile: folder + "/orp.csv",
            atomically: true,
            encoding: .utf8
        )
        let imported = try ciid("import", "--data-dir", node, "orp.csv")
        #expect(imported.status == 0, "\(imported.error)")
        let status = try ciid("status", "--data-dir", node)
        #expect(status.status == 0, "\(status.error)")
        #expect(!status.output.contains("chmod"), "\(status.output)")

        var seen = 0
        let items = try #require(FileManager.default.subpathsOfDirectory(atPath: node) as [String]?)
        for item in items + ["."] {
            let attributes = try FileManager.default.attributesOfItem(atPath: "\(node)/\(item)")
            let mode = try #require(attributes[.posixPermissions] as? Int)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                #expect(mode == 0o700, "\(item) is a folder of mode \(String(mode, radix: 8))")
            } else if !Self.publicFiles.contains(item) {
                #expect(mode & 0o077 == 0, "\(item) has mode \(String(mode, radix: 8))")
                seen += 1
            }
        }
        #expect(items.contains("node.sqlite") && items.contains("ciid.conf") && seen >= 6)

        #expect(chmod(node + "/node.sqlite", 0o644) == 0)
        let warned = try ciid("status", "--data-dir", node)
        #expect(warned.status == 0, "\(warned.error)")
        #expect(warned.output.contains("\(node)/node.sqlite (mode 0644)"), "\(warned.output)")
        #expect(!warned.output.contains("ciid.conf"), "\(warned.output)")
    }
}
