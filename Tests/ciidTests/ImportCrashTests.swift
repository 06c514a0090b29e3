import CIICore
import CIIStore
import Foundation
import Testing

/// `kill -9` during an import: the node keeps either the whole previous snapshot or the whole new
/// one, never a part, and its change log stays consistent.
@Suite struct ImportCrashTests {
    static func csv(people range: ClosedRange<UInt64>) -> String {
        let last = Day.today().adding(days: -10).swiss
        var text = "AHV-Nr,Beginn,Ende\n"
        text.reserveCapacity(range.count * 40)
        for index in range { text += "\(AVSNumber(completing: 756_400_000_000 + index).formatted),01.01.2024,\(last)\n" }
        return text
    }

    @Test func anImportKilledAtAnyMomentLeavesTheOldOrTheNewSnapshot() throws {
        let folder = try CIIDProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let node = folder + "/node"
        #expect(try CIIDProcess.run(["init", "--data-dir", node, "--dispositif", "CMS", "--node-id", "cms-vs"], in: folder).status == 0)
        #expect(try CIIDProcess.run(["keys", "generate", "--data-dir", node], in: folder).status == 0)
        try Self.csv(people: 1...1000).write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
        try Self.csv(people: 500_001...700_000).write(toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
        #expect(try CIIDProcess.run(["import", "--data-dir", node, "a.csv"], in: folder).status == 0)

        let store = try NodeStore(path: node + "/node.sqlite")
        let before = (count: try store.ownCount(), sequence: try store.lastSequence())
        #expect(before == (1000, 1000))
        let after = (count: 200_000, sequence: Int64(1000 + 200_000 + 1000))
        var interrupted = 0
        for delay in [0.05, 0.15, 0.3, 0.5, 0.8, 1.2] {
            let running = try CIIDProcess.start(["import", "--data-dir", node, "b.csv"], in: folder)
            Thread.sleep(forTimeInterval: delay)
            if running.process.isRunning { interrupted += 1 }
            running.stop(SIGKILL)
            let state = (count: try store.ownCount(), sequence: try store.lastSequence())
            #expect(state == before || state == after, "after a kill at \(delay) s the node holds \(state)")
            if state == after { break }
        }
        #expect(interrupted > 0, "no import was interrupted: the test proved nothing")
        // The node still imports normally afterwards.
        #expect(try CIIDProcess.run(["import", "--data-dir", node, "a.csv"], in: folder).status == 0)
        #expect(try store.ownCount() == 1000)
    }
}
