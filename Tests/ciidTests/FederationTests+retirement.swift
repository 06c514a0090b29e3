import CIICore
import CIIFederation
import CIIStore
import Foundation
import Testing

extension FederationTests {
    @Test func aRetiredEpochLeavesEveryNodeAndChecksAnswerWithTheCurrentOne() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms, .oai])
        let coordinator = try federation.folder("cii-vs")
        let nodes = ["orp-vs", "cms-vs", "oai-vs", "cii-vs"]
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        try federation.importCSV("cms-vs", FederationHarness.csv(6...15))
        try federation.importCSV("oai-vs", FederationHarness.csv(21...23))
        #expect(try federation.eventually { try federation.replicaCount(at: "cii-vs", from: "oai-vs") == 3 })

        // The current epoch and an unknown one cannot be retired.
        let current = try federation.ciidFailing("federation", "retire", "--data-dir", coordinator, "1")
        #expect(current.contains("epoch 1 is the current epoch"), "\(current)")
        let unknown = try federation.ciidFailing("federation", "retire", "--data-dir", coordinator, "7")
        #expect(unknown.contains("epoch 7 is not an epoch of this federation (its epochs: 1)"), "\(unknown)")

        // Rotate; ORP and CMS import again (their sets move to epoch 2), OAI does not.
        try federation.ciid("federation", "rotate", "--data-dir", coordinator)
        func keys(_ id: String) throws -> [UInt32] {
            try FederationKeyStore(directory: NodeDirectory(root: try federation.folder(id))).keys().map(\.epoch.number)
        }
        #expect(try federation.eventually { try nodes.allSatisfy { try keys($0) == [2, 1] } })
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        try federation.importCSV("cms-vs", FederationHarness.csv(6...15))
        func epochs(at id: String, of origin: String) throws -> [Epoch: Int] { try federation.store(id).replicaCountsByEpoch()[origin] ?? [:] }
        #expect(
            try federation.eventually {
                try epochs(at: "cii-vs", of: "orp-vs") == [Epoch(2)!: 10] && epochs(at: "cii-vs", of: "cms-vs") == [Epoch(2)!: 10]
            }
        )
        // The coordinator sees that OAI still publishes under epoch 1, and says so before retiring it.
        #expect(try federation.ciid("status", "--data-dir", coordinator).contains("oai-vs\t3 fingerprints (epoch 1: 3)"))
        let pending = try federation.ciidFailing("federation", "retire", "--data-dir", coordinator, "1")
        #expect(pending.contains("oai-vs (3)") && pending.contains("--force"), "\(pending)")

        try federation.ciid("federation", "retire", "--data-dir", coordinator, "1", "--force")
        // Every node drops the key and every fingerprint of epoch 1.
        #expect(try federation.eventually { try nodes.allSatisfy { try keys($0) == [2] } }, "\(federation.log("cms-vs"))")
        for id in nodes {
            #expect(try federation.eventually { try federation.store(id).retiredEpochs() == [.first] })
            let store = try federation.store(id)
            #expect(try store.replicaCountsByEpoch().values.allSatisfy { $0.keys.allSatisfy { $0.number == 2 } }, "\(id)")
            #expect(try store.changes(after: 0).allSatisfy { $0.epoch.number == 2 } && store.ownFollowUps().allSatisfy { $0.epoch.number == 2 })
            #expect(try !federation.ciid("keys", "list", "--data-dir", try federation.folder(id)).contains("epoch 1"))
        }
        #expect(federation.log("oai-vs").contains("3 own follow-ups were still under retired epoch 1"))
        #expect(try federation.store("oai-vs").ownCount() == 0)
        // Checks answer with epoch 2: ORP and CMS both follow person 7; OAI's people are gone until it imports.
        func check(_ id: String, _ person: UInt64) throws -> String {
            try federation.ciid("check", "--data-dir", try federation.folder(id), "--json", FederationHarness.avs(person).formatted)
        }
        #expect(try check("oai-vs", 7).contains("\"dispositif\":\"CMS\"") && check("oai-vs", 7).contains("\"dispositif\":\"ORP\""))
        #expect(try check("orp-vs", 22).contains("\"known\":false"))
        // OAI's next import fingerprints its people under epoch 2, and peers hold them again.
        try federation.importCSV("oai-vs", FederationHarness.csv(21...23))
        #expect(try federation.store("oai-vs").ownFollowUps().map(\.epoch.number) == [2, 2, 2])
        for id in ["orp-vs", "cms-vs", "cii-vs"] {
            #expect(try federation.eventually { try epochs(at: id, of: "oai-vs") == [Epoch(2)!: 3] }, "\(id)")
        }
        #expect(try check("orp-vs", 22).contains("\"dispositif\":\"OAI\""))
        // Every peer holds each origin's changes through its last sequence, although the log's end was removed.
        for origin in ["orp-vs", "cms-vs", "oai-vs"] {
            let head = try federation.store(origin).lastSequence()
            #expect(try federation.eventually { try federation.store(origin).deliveries().allSatisfy { $0.acknowledged == head } }, "\(origin)")
        }
        let last = try federation.ciidFailing("federation", "retire", "--data-dir", coordinator, "2")
        #expect(last.contains("epoch 2 is the current epoch"))
        for id in nodes { federation.stop(id) }
    }
}
