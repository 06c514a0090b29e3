import CIICore
import CIIFederation
import CIIStore
import Foundation
import Testing

/// What the publisher sends a peer, from the change log as it is after a restore or a retirement.
@Suite struct BatchBuilderTests {
    let orp = try! NodeID("orp-vs")
    let cms = try! NodeID("cms-vs")
    let today = Day(year: 2026, month: 11, day: 23)!

    /// A node database in a temporary folder, with `people` imported under each key in turn.
    func store(_ folder: String, keys: [FingerprintKey], people: ClosedRange<UInt64>) throws -> NodeStore {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try NodeStore(path: folder + "/node.sqlite")
        for key in keys {
            let followUps = people.map {
                OwnFollowUp(
                    fingerprint: Fingerprinter(key: key).fingerprint(AVSNumber(completing: 756_600_000_000 + $0)),
                    epoch: key.epoch,
                    startedOn: today.adding(days: -30),
                    lastOn: today
                )
            }
            _ = try store.applySnapshot(followUps, record: ImportRecord(source: "test.csv", rowsRead: followUps.count, rowsRejected: 0))
        }
        return store
    }

    func next(_ store: NodeStore, held: Int64) throws -> Batch {
        try BatchBuilder.next(store: store, origin: orp, dispositif: .orp, recipient: cms, held: held)
    }

    @Test func aRestoredNodeResendsItsSetOnceFlaggedReset() throws {
        let folder = NSTemporaryDirectory() + "ciid-builder-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try store(folder, keys: [.generate(epoch: .first)], people: 1...10)
        try store.markRestored(peers: [cms.rawValue])
        let held = try #require(try store.deliveries().first { $0.peer == cms.rawValue }?.acknowledged)
        let first = try next(store, held: held)
        #expect(first.reset && first.after == 0 && first.changes.count == 10)
        // Once the peer holds that resend, it is not sent again.
        let second = try next(store, held: first.through)
        #expect(!second.reset && second.changes.isEmpty && second.through == first.through)
    }

    @Test func aResendLongerThanOneBatchIsNotStartedAgainHalfway() throws {
        let folder = NSTemporaryDirectory() + "ciid-builder-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try store(folder, keys: [.generate(epoch: .first)], people: 1...12_000)
        try store.markRestored(peers: [cms.rawValue])
        let mark = try store.compactedThrough()
        var batch = try next(store, held: 1)
        #expect(batch.reset && batch.after == 0 && batch.changes.count == Batch.maximumChanges)
        var sent = batch.changes.count
        while batch.through > batch.after {
            batch = try BatchBuilder.next(store: store, origin: orp, dispositif: .orp, recipient: cms, held: batch.through, resentSince: mark)
            #expect(!batch.reset)
            sent += batch.changes.count
        }
        #expect(try sent == 12_000 && batch.through == store.lastSequence())
        // Without the mark, a peer halfway through looks behind compaction: the resend would start over.
        #expect(try next(store, held: 5_000).reset)
    }

    @Test func aRunReachesPastChangesOfARetiredEpochAtTheEndOfTheLog() throws {
        let folder = NSTemporaryDirectory() + "ciid-builder-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Epoch 1: upserts 1…10; epoch 2: upserts 11…20, then retractions of epoch 1, 21…30.
        let store = try store(folder, keys: [.generate(epoch: .first), .generate(epoch: Epoch(2)!)], people: 1...10)
        #expect(try store.dropEpoch(.first).changes == 20)
        #expect(try store.lastSequence() == 30)
        // A peer that held everything lacks nothing.
        let current = try next(store, held: 30)
        #expect(current.changes.isEmpty && current.through == 30 && !current.reset)
        // A peer that was behind gets what is left, with no reset, and holds through 30 after it.
        let behind = try next(store, held: 5)
        #expect(behind.changes.count == 10 && behind.changes.allSatisfy { $0.epoch.number == 2 })
        #expect(behind.after == 5 && behind.through == 30 && !behind.reset)
    }
}
