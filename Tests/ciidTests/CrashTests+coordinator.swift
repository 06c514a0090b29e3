import CIICore
import CIIFederation
import CIIStore
import Foundation
import Testing

extension CrashTests {
    /// The coordinator killed (`kill -9`, its server and the admin's command at once) at random
    /// points of `ciid federation admit`, which admits a member and signs and writes a manifest,
    /// then once while it signs the manifest again at start (a renewal): while it is down, members
    /// answer checks and exchange batches; once it is back and the admin has run the same command
    /// again, every member holds the manifest it published last.
    @Test func aCoordinatorKilledWhileItAdmitsOrSignsLeavesMembersWorkingAndTheyConverge() throws {
        let cycles = CrashRun.cycles
        let seed = CrashRun.seed
        var random = SeededGenerator(seed: seed)
        print("coordinator crash run: \(cycles) kill cycles, seed \(seed) (repeat with CIID_KILL_SEED=\(seed))")
        let began = Date()
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        var people: UInt64 = 10
        try federation.importCSV("orp-vs", FederationHarness.csv(1...people))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == Int(people) })
        let request = try federation.prepare(.oai)
        let coordinator = try federation.folder("cii-vs")
        let admission = federation.folder + "/oai-vs.admission"
        func manifest(_ id: String) throws -> Manifest? {
            try FederationState.load(directory: NodeDirectory(root: federation.folder(id)), node: NodeID(id))?.manifest
        }
        let oai = try NodeID("oai-vs")

        // A clean admission, timed: the kills land within that time (1.2 ×), while the command runs.
        let admitStarted = Date()
        try federation.ciid("federation", "admit", "--data-dir", coordinator, request, "--output", admission)
        let admitSeconds = Date().timeIntervalSince(admitStarted)

        var cut = 0
        for cycle in 0..<cycles {
            let delay = Double.random(in: 0...(admitSeconds * (cycle == 0 ? 0.5 : 1.2)), using: &random)
            // --replace: oai-vs is a member already (the admin's command for a node admitted again).
            let admit = try CIIDProcess.start(
                ["federation", "admit", "--data-dir", coordinator, request, "--output", admission, "--replace"],
                in: federation.folder
            )
            Thread.sleep(forTimeInterval: delay)
            if admit.process.isRunning { cut += 1 }
            admit.stop(SIGKILL)
            federation.stop("cii-vs", signal: SIGKILL)

            // Without the coordinator, members keep working: batches flow, checks answer.
            people += 1
            try federation.importCSV("orp-vs", FederationHarness.csv(1...people))
            let flowed = try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == Int(people) }
            #expect(flowed, "cycle \(cycle): no batch reached cms-vs while the coordinator was down")
            let answer = try federation.ciid(
                "check",
                "--data-dir",
                try federation.folder("cms-vs"),
                "--json",
                FederationHarness.avs(people).formatted
            )
            #expect(answer.contains("\"dispositif\":\"ORP\""), "cycle \(cycle): \(answer)")

            // Back: the admin runs the command again, and members converge on what it published.
            try federation.start("cii-vs")
            try federation.ciid("federation", "admit", "--data-dir", coordinator, request, "--output", admission, "--replace")
            let published = try #require(try manifest("cii-vs")).version
            let converged = try federation.eventually(within: 30) {
                try ["orp-vs", "cms-vs"].allSatisfy { try manifest($0)?.version == published && manifest($0)?.member(oai) != nil }
            }
            #expect(converged, "cycle \(cycle): members did not take version \(published): \(federation.log("orp-vs").suffix(1500))")
            print("coordinator cycle \(cycle): killed after \(String(format: "%.2f", delay)) s; manifest \(published)")
        }

        // A renewal killed: with a longer validity configured, the coordinator signs again as it starts.
        try federation.configure("cii-vs", "manifest_days", 3650)
        let before = try #require(try manifest("cii-vs")).version
        federation.stop("cii-vs")
        try federation.start("cii-vs")
        Thread.sleep(forTimeInterval: Double.random(in: 0...0.5, using: &random))
        federation.stop("cii-vs", signal: SIGKILL)
        try federation.start("cii-vs")
        let renewed = try federation.eventually(within: 30) {
            let latest = try manifest("cii-vs")
            return try latest.map { latest in
                try latest.version > before && (latest.expiresAt ?? 0) > Int64(Date().timeIntervalSince1970) + 1000 * 86_400
                    && ["orp-vs", "cms-vs"].allSatisfy { try manifest($0)?.version == latest.version }
            } ?? false
        }
        #expect(renewed, "members did not take the renewed manifest: \(federation.log("cii-vs").suffix(1500))")
        #expect(try federation.ciid("audit", "verify", "--data-dir", coordinator).hasPrefix("OK:"))
        print(
            "coordinator crash run done: \(cycles) cycles, seed \(seed), \(cut) admits killed while running, "
                + "clean admit \(String(format: "%.2f", admitSeconds)) s, \(Int(Date().timeIntervalSince(began))) s"
        )
        #expect(cycles < 3 || cut > 0, "no admit was killed while it ran: the run proved nothing")
    }
}
