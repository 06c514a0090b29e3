import CIICore
import CIIStore
import Foundation
import Synchronization
import Testing

@Suite struct StoreWriterTests {
    @Test func runsWritesOneAtATimeOnItsOwnThread() async throws {
        let writer = StoreWriter(name: "ciid-writer-t")
        let counts = Counters()
        let names = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    try await writer.perform {
                        if counts.running.add(1, ordering: .relaxed).newValue > 1 { counts.overlaps.add(1, ordering: .relaxed) }
                        Thread.sleep(forTimeInterval: 0.001)
                        counts.running.subtract(1, ordering: .relaxed)
                        return Thread.current.name ?? ""
                    }
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        await writer.shutdown()
        #expect(counts.overlaps.load(ordering: .relaxed) == 0)
        #expect(names == ["ciid-writer-t"])
    }

    @Test func batchesAreAppliedInOrderAndRefusalsReachTheSender() async throws {
        let f = try StoreFixture()
        try f.store.loadReplicaIndex()
        let writer = StoreWriter()
        let store = f.store
        let cms = try NodeID("cms-vs")
        for batch in 0..<10 {
            let changes = (1...UInt64(10)).map { person in
                ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs(UInt64(batch) * 10 + person)), epoch: f.key.epoch, lastOn: today)
            }
            let outcome = try await writer.perform {
                try store.applyBatch(origin: cms, dispositif: .cms, after: Int64(batch * 10), through: Int64(batch * 10 + 10), changes: changes)
            }
            #expect(outcome == .applied(checkpoint: Int64(batch * 10 + 10), upserted: 10, retracted: 0, overlaps: 0))
        }
        // A batch after a gap is answered with the checkpoint to resend after.
        let gap = try await writer.perform { try store.applyBatch(origin: cms, dispositif: .cms, after: 500, through: 510, changes: []) }
        #expect(gap == .gap(expected: 100))
        // An error thrown on the writer reaches the caller.
        await #expect(throws: StoreError.self) {
            try await writer.perform { () throws(StoreError) -> Int in throw StoreError(.refused, "refused on purpose") }
        }
        await writer.shutdown()
        #expect(f.store.replicaIndex.entryCount == 100)
        let checker = AlertChecker(node: try NodeID("orp-vs"), keys: [f.key], window: .standard, reader: ReplicaReader(store: f.store))
        #expect(try checker.check(f.avs(100), today: today).matches.count == 1)
    }

    @Test func shutdownRunsTheWritesHandedOverThenRefusesMore() async throws {
        let writer = StoreWriter()
        let gate = DispatchSemaphore(value: 0)
        let counts = Counters()
        let first = Task { try await writer.perform { gate.wait() } }
        let rest = (0..<19).map { _ in Task { try await writer.perform { counts.done.add(1, ordering: .relaxed) } } }
        // Every write handed over while the first one holds the thread.
        while writer.pendingWrites < 20 { try await Task.sleep(for: .milliseconds(1)) }
        let stopping = Task { await writer.shutdown() }
        gate.signal()
        await stopping.value
        try await first.value
        for task in rest { try await task.value }
        #expect(counts.done.load(ordering: .relaxed) == 19)
        #expect(writer.pendingWrites == 0)
        await #expect(throws: StoreError.self) { try await writer.perform { 1 } }
    }
}

/// Counters shared by a test and the writes it hands over.
final class Counters: Sendable {
    let running = Atomic<Int>(0)
    let overlaps = Atomic<Int>(0)
    let done = Atomic<Int>(0)
}
