import CIICore
import CIIFederation
import CIIStore
import Curl
import Foundation
import Sodium
import Testing

/// Seven real processes would be the demo; here a coordinator and three dispositifs, on
/// loopback with real TLS, prove the protocol.
@Suite(.serialized) struct FederationTests {
    @Test func importsConvergeRetractionsSpreadAndOverlapsAreRecorded() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms, .oai])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...30, caseworker: "orp-7"))
        try federation.importCSV("cms-vs", FederationHarness.csv(21...40))
        try federation.importCSV("oai-vs", FederationHarness.csv(25...26))

        for node in ["orp-vs", "cms-vs", "oai-vs", "cii-vs"] {
            let converged = try federation.eventually {
                try (node == "orp-vs" || federation.replicaCount(at: node, from: "orp-vs") == 30)
                    && (node == "cms-vs" || federation.replicaCount(at: node, from: "cms-vs") == 20)
                    && (node == "oai-vs" || federation.replicaCount(at: node, from: "oai-vs") == 2)
            }
            let counts = try federation.store(node).replicaCounts()
            #expect(converged, "\(node) did not converge: \(counts)\n\(federation.log(node))")
        }
        let answer = try federation.ciid("check", "--data-dir", federation.nodes["oai-vs"]!.folder, "--json", FederationHarness.avs(25).formatted)
        #expect(answer.contains("\"dispositif\":\"CMS\"") && answer.contains("\"dispositif\":\"ORP\""))
        // People 21…30 of ORP are also followed by CMS: ORP's caseworker sees overlaps.
        #expect(try federation.eventually { try federation.store("orp-vs").overlapEvents().count >= 10 })
        #expect(try federation.store("orp-vs").overlapEvents().allSatisfy { $0.caseworker == "orp-7" })
        #expect(try federation.ciid("overlaps", "--data-dir", federation.nodes["orp-vs"]!.folder).contains("caseworker orp-7\tdossier -"))

        // A new snapshot without people 1…10: retractions reach every node.
        try federation.importCSV("orp-vs", FederationHarness.csv(11...30, caseworker: "orp-7"))
        for node in ["cms-vs", "oai-vs", "cii-vs"] {
            #expect(try federation.eventually { try federation.replicaCount(at: node, from: "orp-vs") == 20 }, "\(node) kept retracted people")
        }
        let gone = try federation.ciid("check", "--data-dir", federation.nodes["cms-vs"]!.folder, "--json", FederationHarness.avs(5).formatted)
        #expect(gone.contains("\"known\":false"))
        #expect(federation.stop("cms-vs") == 0)
    }

    @Test func forgedTamperedMisaddressedReplayedAndOversizedBatchesChangeNothing() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10 })
        let before = try federation.store("cms-vs").replicaCounts()
        let checkpoint = try federation.store("cms-vs").checkpoint(of: try NodeID("orp-vs"))

        let orpIdentity = try NodeIdentity.load(from: NodeDirectory(root: federation.nodes["orp-vs"]!.folder))
        let manifest = try #require(
            try FederationState.load(directory: NodeDirectory(root: federation.nodes["cms-vs"]!.folder), node: try NodeID("cms-vs"))?.manifest
        )
        let cmsBox = try #require(manifest.boxKey(of: try NodeID("cms-vs")))
        let key = try #require(try FederationKeyStore(directory: NodeDirectory(root: federation.nodes["orp-vs"]!.folder)).keys().first)
        let change = Change(
            kind: .upsert,
            epoch: key.epoch,
            fingerprint: Fingerprinter(key: key).fingerprint(FederationHarness.avs(99)),
            lastOn: Day.today()
        )
        func batch(recipient: String, after: Int64) throws -> Batch {
            Batch(
                origin: try NodeID("orp-vs"),
                dispositif: .orp,
                recipient: try NodeID(recipient),
                after: after,
                through: after + 1,
                changes: [change]
            )
        }
        let orp = try federation.member("orp-vs")
        func post(_ body: [UInt8]) throws -> HTTPResponse {
            let headers = RequestSignature.headers(
                method: "POST",
                target: "/federation/batches",
                body: body,
                node: try NodeID("orp-vs"),
                signer: orp.signing
            )
            return try Curl.perform(
                HTTPRequest(
                    method: "POST",
                    url: "\(try federation.federationURL("cms-vs"))/federation/batches",
                    headers: headers,
                    body: body,
                    caFile: try federation.caFile("cms-vs"),
                    clientCertificate: orp.certificate
                )
            )
        }

        let forged = try BatchSeal.seal(try batch(recipient: "cms-vs", after: checkpoint), signer: .generate(), recipientBoxKey: cmsBox)
        let forgedAnswer = try post(forged)
        #expect(forgedAnswer.status == 403 && forgedAnswer.text.contains("federation.bad_signature") || forgedAnswer.text.contains("badSignature"))
        var tampered = try BatchSeal.seal(try batch(recipient: "cms-vs", after: checkpoint), signer: orpIdentity.signing, recipientBoxKey: cmsBox)
        tampered[tampered.count / 2] ^= 1
        #expect(try post(tampered).status == 403)
        let misaddressed = try BatchSeal.seal(try batch(recipient: "oai-vs", after: checkpoint), signer: orpIdentity.signing, recipientBoxKey: cmsBox)
        let misaddressedAnswer = try post(misaddressed)
        #expect(misaddressedAnswer.status == 403 && misaddressedAnswer.text.contains("wrongRecipient"))
        let nonMember = Batch(
            origin: try NodeID("evil-vs"),
            dispositif: .orp,
            recipient: try NodeID("cms-vs"),
            after: 0,
            through: 1,
            changes: [change]
        )
        let nonMemberAnswer = try post(try BatchSeal.seal(nonMember, signer: .generate(), recipientBoxKey: cmsBox))
        #expect(nonMemberAnswer.status == 403 && nonMemberAnswer.text.contains("notAMember"))
        let replayed = try BatchSeal.seal(try batch(recipient: "cms-vs", after: 0), signer: orpIdentity.signing, recipientBoxKey: cmsBox)
        let replayAnswer = try post(replayed)
        #expect(replayAnswer.status == 200 && replayAnswer.text.hasPrefix("{\"checkpoint\":\(checkpoint),"))
        let gap = try BatchSeal.seal(try batch(recipient: "cms-vs", after: checkpoint + 5), signer: orpIdentity.signing, recipientBoxKey: cmsBox)
        let gapAnswer = try post(gap)
        #expect(gapAnswer.status == 409 && gapAnswer.text.hasPrefix("{\"checkpoint\":\(checkpoint),"))
        #expect(try post([UInt8](repeating: 7, count: 2 << 20)).status == 413)
        #expect(try post(Array("not a batch".utf8)).status == 403)

        #expect(try federation.store("cms-vs").replicaCounts() == before)
        #expect(try federation.store("cms-vs").checkpoint(of: try NodeID("orp-vs")) == checkpoint)
        #expect(try federation.store("cms-vs").overlapEvents().isEmpty)
    }

    @Test func aNodeThatWasDownOrKilledMidBatchCatchesUpWithNothingLostOrDoubled() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...100))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 100 })

        // Down for a while: changes made meanwhile arrive after the restart.
        #expect(federation.stop("cms-vs") == 0)
        try federation.importCSV("orp-vs", FederationHarness.csv(51...150))
        Thread.sleep(forTimeInterval: 1)
        try federation.start("cms-vs")
        let head = try federation.store("orp-vs").lastSequence()
        #expect(head == 200)  // 100 upserts, then 50 retractions and 50 upserts
        #expect(
            try federation.eventually {
                try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 100
                    && federation.store("cms-vs").checkpoint(of: NodeID("orp-vs")) == head
            }
        )

        // Killed while applying a large run of batches: after the restart it converges exactly.
        try federation.importCSV("orp-vs", FederationHarness.csv(1_001...61_000))
        let total = try federation.store("orp-vs").lastSequence()
        _ = try federation.eventually(within: 60) { try federation.store("cms-vs").checkpoint(of: NodeID("orp-vs")) > head }
        federation.stop("cms-vs", signal: SIGKILL)
        let atKill = try federation.store("cms-vs").checkpoint(of: try NodeID("orp-vs"))
        #expect(atKill < total, "the kill came too late to prove anything")
        try federation.start("cms-vs")
        let converged = try federation.eventually(within: 120) {
            try federation.store("cms-vs").checkpoint(of: NodeID("orp-vs")) == total
        }
        #expect(converged, "cms-vs did not catch up: \(federation.log("cms-vs").suffix(2000))")
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 60_000)
        #expect(try federation.store("orp-vs").ownCount() == 60_000)
    }

    @Test func aPeerPullsAnOriginsChangesSealedToItAlone() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...12))
        let cms = try NodeIdentity.load(from: NodeDirectory(root: federation.nodes["cms-vs"]!.folder))
        let orpKey = try NodeIdentity.load(from: NodeDirectory(root: federation.nodes["orp-vs"]!.folder)).signing.publicKey
        func pull(_ query: String) throws -> HTTPResponse { try federation.send("GET", "/federation/changes?\(query)", to: "orp-vs", as: "cms-vs") }
        let answer = try pull("for=cms-vs&after=4")
        #expect(answer.status == 200)
        let batch = try BatchSeal.open(answer.body, box: cms.box, node: try NodeID("cms-vs"), signingKey: { $0.rawValue == "orp-vs" ? orpKey : nil })
        #expect(batch.after == 4 && batch.through == 12 && batch.changes.count == 8)
        // Sealed to cms-vs: no other key opens it.
        #expect(throws: FederationError(.cannotOpen, "")) {
            try BatchSeal.open(answer.body, box: .generate(), node: try NodeID("cms-vs"), signingKey: { _ in orpKey })
        }
        #expect(try pull("for=evil-vs&after=0").status == 403)
        #expect(try pull("after=4").status == 200)
        #expect(try pull("for=cms-vs&after=-1").status == 400)
    }

    @Test func aDivergentReplicaIsFoundByDigestAndResyncedInFull() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        for id in ["orp-vs", "cms-vs"] {
            try federation.configure(id, "digest_interval_seconds", 1)
            try federation.configure(id, "heartbeat_seconds", 1)
        }
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...20))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 20 })
        // Lose five entries behind the protocol's back (a disk fault, a bad restore).
        let key = try #require(try FederationKeyStore(directory: NodeDirectory(root: federation.nodes["cms-vs"]!.folder)).keys().first)
        let lost = (1...5).map { Fingerprinter(key: key).fingerprint(FederationHarness.avs($0)) }
        try federation.store("cms-vs").retractReplica(origin: try NodeID("orp-vs"), fingerprints: lost)
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 15)
        #expect(
            try federation.eventually(within: 30) { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 20 },
            "\(federation.log("cms-vs"))"
        )
        #expect(federation.log("cms-vs").contains("diverged"))
    }

    @Test func aNodeRestoredFromABackupResendsItsSetAndPeersFollowIt() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        for id in ["orp-vs", "cms-vs"] { try federation.configure(id, "heartbeat_seconds", 1) }
        try federation.startAll()
        let orp = federation.nodes["orp-vs"]!.folder
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10 })
        try federation.ciid("user", "add", "--data-dir", orp, "--email", "anne.muster@orp.test", "--name", "Anne Muster")
        try federation.ciid("backup", "--data-dir", orp, "--output", federation.folder + "/orp-backup")
        let mode = try FileManager.default.attributesOfItem(atPath: federation.folder + "/orp-backup/keys/federation.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // After the backup, ORP moves on; then its disk is lost and the backup restored.
        try federation.importCSV("orp-vs", FederationHarness.csv(1...20))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 20 })
        #expect(federation.stop("orp-vs") == 0)
        try FileManager.default.removeItem(atPath: orp)
        try federation.ciid("restore", "--data-dir", orp, federation.folder + "/orp-backup")
        // The accounts and the audit log came back with the node: the first import (its counts, its
        // ten people) and the account.
        #expect(try federation.ciid("user", "list", "--data-dir", orp).contains("anne.muster@orp.test"))
        #expect(try federation.ciid("audit", "verify", "--data-dir", orp).hasPrefix("OK: 3 entries,"))
        try federation.start("orp-vs")
        // CMS now holds exactly what the restored ORP publishes…
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10 }, "\(federation.log("orp-vs"))")
        #expect(
            try federation.eventually { try federation.store("cms-vs").checkpoint(of: NodeID("orp-vs")) == federation.store("orp-vs").lastSequence() }
        )
        // …and follows it again once ORP imports the current export.
        try federation.importCSV("orp-vs", FederationHarness.csv(1...20))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 20 })
        #expect(
            try federation.ciid("check", "--data-dir", federation.nodes["cms-vs"]!.folder, "--json", FederationHarness.avs(15).formatted).contains(
                "ORP"
            )
        )

        // Restored from the same backup a second time, ORP numbers its reset generations again from
        // the backup's: CMS refuses the first as stale, ORP learns CMS's generation and goes above it.
        let cmsGeneration = try federation.store("cms-vs").resetGeneration(of: NodeID("orp-vs"))
        #expect(cmsGeneration >= 1)
        #expect(federation.stop("orp-vs") == 0)
        try FileManager.default.removeItem(atPath: orp)
        try federation.ciid("restore", "--data-dir", orp, federation.folder + "/orp-backup")
        try federation.start("orp-vs")
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10 }, "\(federation.log("orp-vs"))")
        #expect(try federation.store("cms-vs").resetGeneration(of: NodeID("orp-vs")) > cmsGeneration)
        #expect(federation.log("orp-vs").contains("resending with a higher one"), "\(federation.log("orp-vs").suffix(2000))")
    }

    @Test func aNewEpochMovesEverySetAndChecksFollow() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10 })
        try federation.ciid("federation", "rotate", "--data-dir", federation.nodes["cii-vs"]!.folder)
        let orpKeys = FederationKeyStore(directory: NodeDirectory(root: federation.nodes["orp-vs"]!.folder))
        let cmsKeys = FederationKeyStore(directory: NodeDirectory(root: federation.nodes["cms-vs"]!.folder))
        #expect(try federation.eventually { try orpKeys.keys().first?.epoch.number == 2 && cmsKeys.keys().first?.epoch.number == 2 })
        #expect(try orpKeys.keys().first?.keyID == cmsKeys.keys().first?.keyID)
        // ORP's next import moves its set to epoch 2: ten upserts, ten retractions of epoch 1.
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        let epoch2 = try #require(try cmsKeys.keys().first)
        let fingerprint = Fingerprinter(key: epoch2).fingerprint(FederationHarness.avs(3))
        #expect(
            try federation.eventually {
                try federation.store("cms-vs").checkpoint(of: NodeID("orp-vs")) == federation.store("orp-vs").lastSequence()
            }
        )
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10)
        #expect(try federation.store("cms-vs").ownFollowUps().isEmpty)
        let reader = ReplicaReader(store: try federation.store("cms-vs"))
        var found = false
        try reader.lookup(fingerprint, epoch: epoch2.epoch) { origin, _, _ in found = found || origin == "orp-vs" }
        #expect(found)
        #expect(
            try federation.ciid("check", "--data-dir", federation.nodes["cms-vs"]!.folder, "--json", FederationHarness.avs(3).formatted).contains(
                "ORP"
            )
        )
    }

    @Test func aRemovedMembersBatchesAreRefused() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...5))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 5 })
        try federation.ciid("federation", "remove", "--data-dir", federation.nodes["cii-vs"]!.folder, "orp-vs")
        let cms = NodeDirectory(root: federation.nodes["cms-vs"]!.folder)
        let orp = try NodeID("orp-vs")
        var seen = "none"
        let removed = try federation.eventually {
            guard let state = try FederationState.load(directory: cms, node: NodeID("cms-vs")), let manifest = state.manifest else { return false }
            seen = "version \(manifest.version): \(manifest.members.map(\.id.rawValue))"
            return manifest.member(orp) == nil
        }
        #expect(removed, "cms-vs still sees \(seen)\n\(federation.log("cms-vs"))")
        // orp-vs learns it was removed: from then on it publishes nothing, and what it sends is refused.
        let orpLearnt = try federation.eventually {
            try FederationState.load(directory: NodeDirectory(root: federation.nodes["orp-vs"]!.folder), node: orp)?.manifest?.member(orp) == nil
        }
        #expect(orpLearnt, "\(federation.log("orp-vs").suffix(1500))")
        try federation.importCSV("orp-vs", FederationHarness.csv(1...9))
        // Even a batch properly signed by the removed node is refused now.
        let orpIdentity = try NodeIdentity.load(from: NodeDirectory(root: federation.nodes["orp-vs"]!.folder))
        let cmsBox = try #require(try FederationState.load(directory: cms, node: NodeID("cms-vs"))?.manifest?.boxKey(of: NodeID("cms-vs")))
        let key = try #require(try FederationKeyStore(directory: cms).keys().first)
        let change = Change(
            kind: .upsert,
            epoch: key.epoch,
            fingerprint: Fingerprinter(key: key).fingerprint(FederationHarness.avs(7)),
            lastOn: Day.today()
        )
        let checkpoint = try federation.store("cms-vs").checkpoint(of: orp)
        let batch = Batch(
            origin: orp,
            dispositif: .orp,
            recipient: try NodeID("cms-vs"),
            after: checkpoint,
            through: checkpoint + 1,
            changes: [change]
        )
        let answer = try federation.send(
            "POST",
            "/federation/batches",
            to: "cms-vs",
            as: "orp-vs",
            body: try BatchSeal.seal(batch, signer: orpIdentity.signing, recipientBoxKey: cmsBox)
        )
        #expect(answer.status == 403 && answer.text.contains("notAMember"))
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 5)
    }
}
