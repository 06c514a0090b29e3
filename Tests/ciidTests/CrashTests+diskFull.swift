import CIICore
import CIIFederation
import CIIStore
import Foundation
import Testing

extension CrashTests {
    /// The node's folder "fills" (a file-size limit, `prlimit --fsize`: writes past it fail with
    /// EFBIG as on a full disk) at several points of an import: each import is refused whole with
    /// a clear message, or, with room enough, applied whole; the audit log records only imports
    /// that were applied, and its chain stays whole.
    @Test func anImportOntoAFullDiskIsRefusedWholeAndChangesNothing() throws {
        let folder = try CIIDProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let node = folder + "/node"
        #expect(try CIIDProcess.run(["init", "--data-dir", node, "--dispositif", "CMS", "--node-id", "cms-vs"], in: folder).status == 0)
        #expect(try CIIDProcess.run(["keys", "generate", "--data-dir", node], in: folder).status == 0)
        let key = try #require(try FederationKeyStore(directory: NodeDirectory(root: node)).keys().first)
        let snapshots: [(range: ClosedRange<UInt64>, last: Day)] = [
            (1...3_000, Day.today().adding(days: -6)), (2_001...8_000, Day.today().adding(days: -4)),
        ]
        for (index, snapshot) in snapshots.enumerated() {
            try FederationHarness.csv(snapshot.range, last: snapshot.last).write(toFile: "\(folder)/s\(index).csv", atomically: true, encoding: .utf8)
        }
        let references = snapshots.map { CrashRun.reference($0.range, last: $0.last, key: key) }
        let store = try NodeStore(path: node + "/node.sqlite")
        func importEntries() throws -> Int {
            let files = try FileManager.default.contentsOfDirectory(atPath: node + "/audit").filter { $0.hasSuffix(".jsonl") }
            return try files.reduce(0) { count, file in
                count + (try String(contentsOfFile: "\(node)/audit/\(file)", encoding: .utf8)).components(separatedBy: #""kind":"import","#).count - 1
            }
        }
        #expect(try CIIDProcess.run(["import", "--data-dir", node, "s0.csv"], in: folder).status == 0)
        var current = 0
        var applied = 1
        var refused = 0
        for limit in [4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216] {
            let next = 1 - current
            let result = try CIIDProcess.run(
                ["--fsize=\(limit):unlimited", CIIDProcess.binary, "import", "--data-dir", node, "s\(next).csv"],
                in: folder,
                executable: "/usr/bin/prlimit"
            )
            let held = try CrashRun.lines(store.ownFollowUps())
            if result.status == 0 {
                #expect(held == references[next], "limit \(limit): an import that succeeded left \(held.count) entries")
                current = next
                applied += 1
            } else {
                refused += 1
                #expect(result.status == 1, "limit \(limit): ciid ended with \(result.status) (killed by SIGXFSZ?): \(result.error)")
                #expect(result.error.contains("import refused, nothing was changed"), "limit \(limit): \(result.error)")
                #expect(result.error.contains("File too large") || result.error.contains("full"), "limit \(limit): \(result.error)")
                #expect(held == references[current], "limit \(limit): a refused import left \(held.count) entries")
            }
            let recorded = try importEntries()
            #expect(recorded == applied, "limit \(limit): the audit log records \(recorded) imports, \(applied) were applied")
            let verified = try CIIDProcess.run(["audit", "verify", "--data-dir", node], in: folder)
            #expect(verified.output.hasPrefix("OK:"), "limit \(limit): \(verified.output) \(verified.error)")
            print("disk-full import at \(limit) bytes: \(result.status == 0 ? "applied" : "refused"): \(result.error.suffix(300))")
        }
        #expect(refused > 0, "no import met the limit: the run proved nothing")
        // Room again: the same import goes through.
        let next = 1 - current
        #expect(try CIIDProcess.run(["import", "--data-dir", node, "s\(next).csv"], in: folder).status == 0)
        #expect(try CrashRun.lines(store.ownFollowUps()) == references[next])
    }

    /// CMS's folder "fills" (`prlimit --pid … --fsize`) while ORP sends it a run of batches: none
    /// is acknowledged and nothing of them is held; once there is room again, the next tries apply
    /// them and both nodes converge.
    @Test func aBatchOntoAFullDiskIsNotAcknowledgedAndAppliedOnceThereIsRoom() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...100))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 100 })
        let orp = try NodeID("orp-vs")
        let held = try federation.store("cms-vs").checkpoint(of: orp)
        let pid = try #require(federation.pid("cms-vs"))
        func limit(_ value: String) throws {
            let result = try CIIDProcess.run(["--pid", "\(pid)", "--fsize=\(value)"], in: federation.folder, executable: "/usr/bin/prlimit")
            guard result.status == 0 else { throw HarnessError("prlimit --fsize=\(value) failed: \(result.error)") }
        }
        func failures() throws -> Int { try federation.store("orp-vs").deliveries().first { $0.peer == "cms-vs" }?.failures ?? 0 }

        try limit("32768:unlimited")
        let before = try failures()
        try federation.importCSV("orp-vs", FederationHarness.csv(1_001...13_000))
        // The positive signal: ORP tried, twice, and CMS refused.
        let tried = try federation.eventually(within: 60) { try failures() >= before + 2 }
        #expect(tried, "ORP never failed to deliver: \((try? federation.store("orp-vs").deliveries()) ?? [])")
        #expect(federation.pid("cms-vs") == pid, "cms-vs died on the full disk")
        #expect(try federation.store("cms-vs").checkpoint(of: orp) == held)
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 100)
        #expect(try federation.store("orp-vs").deliveries().first { $0.peer == "cms-vs" }?.acknowledged == held)

        try limit("unlimited:unlimited")
        let converged = try federation.eventually(within: 120) { try federation.converged("orp-vs", "cms-vs") }
        #expect(converged, "cms-vs did not catch up: \(federation.log("cms-vs").suffix(1500))")
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 12_000)  // the snapshot retracted people 1…100
        #expect(federation.pid("cms-vs") == pid)
        #expect(try federation.ciid("audit", "verify", "--data-dir", try federation.folder("cms-vs")).hasPrefix("OK:"))
    }
}
