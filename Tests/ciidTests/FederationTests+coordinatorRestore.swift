import CIICore
import CIIFederation
import CIIStore
import Foundation
import Testing

extension FederationTests {
    /// The review's fifth finding: a coordinator that lost its manifest, or came back from an old
    /// backup, published versions nodes silently ignored. A restore now publishes above every
    /// version nodes hold, and they accept it.
    @Test func aCoordinatorRestoredFromAnOldBackupPublishesAboveEveryVersionNodesHold() throws {
        let federation = try FederationHarness(dispositifs: [.orp])
        try federation.startAll()
        let coordinator = try federation.folder("cii-vs")
        let orp = NodeDirectory(root: try federation.folder("orp-vs"))
        func held() throws -> Int64 { try FederationState.load(directory: orp, node: NodeID("orp-vs"))?.manifest?.version ?? 0 }
        try federation.ciid("backup", "--data-dir", coordinator, "--output", federation.folder + "/cii-backup")
        try federation.ciid("federation", "rotate", "--data-dir", coordinator)
        let rotated = try #require(
            try FederationState.load(directory: NodeDirectory(root: coordinator), node: NodeID("cii-vs"))?.manifest?.version
        )
        #expect(try federation.eventually { try held() >= rotated }, "orp-vs never accepted version \(rotated)")

        #expect(federation.stop("cii-vs") == 0)
        try FileManager.default.removeItem(atPath: coordinator)
        let restored = try federation.ciid("restore", "--data-dir", coordinator, federation.folder + "/cii-backup")
        #expect(restored.contains("published manifest version"), "\(restored)")
        try federation.start("cii-vs")
        let accepted = try federation.eventually(within: 30) { try held() > rotated }
        #expect(accepted, "orp-vs kept \((try? held()) ?? 0): \(federation.log("orp-vs").suffix(1500))")
        #expect(!federation.log("orp-vs").contains("older"))
    }
}
