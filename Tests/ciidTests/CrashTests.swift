import CIICore
import CIIFederation
import CIIStore
import Foundation
import Testing

/// Crash testing (issue 12): `kill -9` at random points of what a node writes, and a disk that
/// fills, must leave every node consistent: nothing lost, nothing doubled, the audit chain whole,
/// and the federation converging again.
@Suite(.serialized) struct CrashTests {
    /// CMS imports snapshots A and B in turn (30,000 people each, 20,000 in common, the dates of
    /// the common ones changed), while ORP resends its 20,000 people in full (four batches). Each
    /// cycle kills at a random point either an import (and CMS's server with it) or CMS's server
    /// while it applies ORP's resend, then restarts CMS.
    @Test func killedAtRandomPointsOfImportsAndResendsTheNodeLosesAndDoublesNothing() throws {
        let cycles = CrashRun.cycles
        let seed = CrashRun.seed
        var random = SeededGenerator(seed: seed)
        print("crash run: \(cycles) kill cycles, seed \(seed) (repeat with CIID_KILL_SEED=\(seed))")
        let began = Date()

        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        for id in ["orp-vs", "cms-vs"] { try federation.configure(id, "heartbeat_seconds", 1) }
        try federation.startAll()
        let key = try #require(try FederationKeyStore(directory: NodeDirectory(root: federation.folder("cms-vs"))).keys().first)
        let orpLast = Day.today().adding(days: -5)
        try federation.importCSV("orp-vs", FederationHarness.csv(1...20_000, last: orpLast))
        #expect(try CrashRun.lines(federation.store("orp-vs").ownFollowUps()) == CrashRun.reference(1...20_000, last: orpLast, key: key))

        let snapshots: [(range: ClosedRange<UInt64>, last: Day)] = [
            (100_001...130_000, Day.today().adding(days: -6)), (110_001...140_000, Day.today().adding(days: -4)),
        ]
        let files = try snapshots.enumerated().map { index, snapshot in
            let path = federation.folder + "/cms-\(index).csv"
            try FederationHarness.csv(snapshot.range, last: snapshot.last).write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let references = snapshots.map { CrashRun.reference($0.range, last: $0.last, key: key) }
        let cms = try federation.folder("cms-vs")
        let started = Date()
        try federation.ciid("import", "--data-dir", cms, files[0])
        let importSeconds = Date().timeIntervalSince(started)
        var current = 0
        #expect(try CrashRun.lines(federation.store("cms-vs").ownFollowUps()) == references[0])
        #expect(try federation.eventually(within: 60) { try federation.converged("orp-vs", "cms-vs") })

        // A clean full resend, timed: the kills of resends land within it.
        let orp = try NodeID("orp-vs")
        func resendDone(after generation: UInt64) throws -> Bool {
            try federation.store("cms-vs").resetGeneration(of: orp) > generation
                && federation.store("cms-vs").checkpoint(of: orp) == federation.store("orp-vs").lastSequence()
        }
        try federation.store("orp-vs").markRestored(peers: ["cms-vs"])
        let resendStarted = Date()
        let cleanGeneration = try federation.store("orp-vs").lastResetGeneration()
        #expect(try federation.eventually(within: 60) { try resendDone(after: cleanGeneration) })
        let resendSeconds = Date().timeIntervalSince(resendStarted)

        // The first import and the first resend are killed within the first half of their clean
        // time, so that even a short run kills each kind mid-way; later kills fall anywhere.
        var figures = (imports: 0, importsCut: 0, importsDone: 0, resends: 0, resendsCut: 0)
        for cycle in 0..<cycles {
            let killImport = cycle == 0 ? true : cycle == 1 ? false : Bool.random(using: &random)
            if killImport {
                figures.imports += 1
                let next = 1 - current
                let delay = Double.random(in: 0...(importSeconds * (cycle == 0 ? 0.5 : 2.0)), using: &random)
                let running = try CIIDProcess.start(["import", "--data-dir", cms, files[next]], in: federation.folder)
                Thread.sleep(forTimeInterval: delay)
                if running.process.isRunning { figures.importsCut += 1 }
                running.stop(SIGKILL)
                federation.stop("cms-vs", signal: SIGKILL)
                let held = try CrashRun.lines(federation.store("cms-vs").ownFollowUps())
                if held == references[next] {
                    current = next
                    figures.importsDone += 1
                } else {
                    #expect(
                        held == references[current],
                        "cycle \(cycle): an import killed after \(delay) s left \(held.count) entries, neither snapshot"
                    )
                }
                try federation.start("cms-vs")
            } else {
                figures.resends += 1
                try federation.waitUntilServing("cms-vs")
                let delay = Double.random(in: 0...(resendSeconds * (cycle == 1 ? 0.5 : 1.2)), using: &random)
                try federation.store("orp-vs").markRestored(peers: ["cms-vs"])
                let generation = try federation.store("orp-vs").lastResetGeneration()
                Thread.sleep(forTimeInterval: delay)
                federation.stop("cms-vs", signal: SIGKILL)
                if try !resendDone(after: generation) { figures.resendsCut += 1 }
                try federation.start("cms-vs")
            }
            print("cycle \(cycle): \(killImport ? "import" : "resend") killed; \(figures)")
        }

        // Afterwards: the own sets equal a clean import's, the audit chain is whole, both directions converge.
        try federation.waitUntilServing("cms-vs")
        #expect(try CrashRun.lines(federation.store("cms-vs").ownFollowUps()) == references[current])
        #expect(try CrashRun.lines(federation.store("orp-vs").ownFollowUps()) == CrashRun.reference(1...20_000, last: orpLast, key: key))
        let converged = try federation.eventually(within: 120) { try federation.converged("orp-vs", "cms-vs") }
        #expect(converged, "no convergence: \(federation.log("cms-vs").suffix(2000))")
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 20_000)
        #expect(try federation.replicaCount(at: "orp-vs", from: "cms-vs") == 30_000)
        let verified = try federation.ciid("audit", "verify", "--data-dir", cms)
        #expect(verified.hasPrefix("OK:"), "\(verified)")
        let answer = try federation.ciid("check", "--data-dir", cms, "--json", FederationHarness.avs(7).formatted)
        #expect(answer.contains("\"dispositif\":\"ORP\""), "\(answer)")
        print(
            "crash run done: \(cycles) cycles, seed \(seed), \(Int(Date().timeIntervalSince(began))) s; imports killed \(figures.imports) "
                + "(\(figures.importsCut) while running, \(figures.importsDone) had committed), resends killed \(figures.resends) "
                + "(\(figures.resendsCut) before CMS held all of it); clean import \(String(format: "%.2f", importSeconds)) s, "
                + "clean resend \(String(format: "%.2f", resendSeconds)) s"
        )
        #expect(figures.importsCut > 0 && figures.resendsCut > 0, "no kill landed mid-way in one of the kinds: the run proved nothing")
    }
}
