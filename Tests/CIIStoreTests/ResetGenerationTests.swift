import CIICore
import CIIStore
import Foundation
import Testing

/// A reset is applied only with a generation above the last one applied from its origin: a replayed
/// or stale reset changes nothing.
@Suite struct ResetGenerationTests {
    let cms = try! NodeID("cms-vs")

    func changes(_ f: StoreFixture, _ range: ClosedRange<UInt64>, last: Day? = today) -> [ReplicaChange] {
        range.map { ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs($0)), epoch: f.key.epoch, lastOn: last) }
    }

    @Test func aResetAtOrBelowTheLastGenerationChangesNothing() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot((1...10).map { f.followUp($0, last: today) }, record: f.record(10))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 10, changes: changes(f, 1...10), reachesEnd: true)
        let reset = try f.store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 0,
            through: 12,
            changes: changes(f, 1...8),
            reset: true,
            generation: 2,
            reachesEnd: true
        )
        #expect(reset == .applied(checkpoint: 12, upserted: 8, retracted: 0, overlaps: 0))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 12, through: 14, changes: changes(f, 11...12))
        #expect(try f.store.resetGeneration(of: cms) == 2)
        let events = try f.store.overlapEvents(existing: true).count

        // The same reset replayed (or an older one): rows, checkpoint and events stay as they are.
        for generation: UInt64 in [2, 1, 0] {
            let replay = try f.store.applyBatch(
                origin: cms,
                dispositif: .cms,
                after: 0,
                through: 5,
                changes: changes(f, 1...5),
                reset: true,
                generation: generation,
                reachesEnd: true
            )
            #expect(replay == .staleReset(checkpoint: 14, generation: 2))
            #expect(replay.checkpoint == 14)
        }
        #expect(try f.store.replicaCounts()["cms-vs"] == 10)
        #expect(try f.store.checkpoint(of: cms) == 14)
        #expect(try f.store.overlapEvents(existing: true).count == events)
        #expect(try f.store.overlapEvents().isEmpty)

        // A digest repair forgets rows and checkpoint, not the generation.
        try f.store.resetOrigin("cms-vs")
        #expect(try f.store.checkpoint(of: cms) == 0 && f.store.replicaCounts()["cms-vs"] == nil)
        #expect(try f.store.resetGeneration(of: cms) == 2)
        #expect(
            try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 3, changes: [], reset: true, generation: 2)
                == .staleReset(checkpoint: 0, generation: 2)
        )
        // A newer one applies.
        let newer = try f.store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 0,
            through: 20,
            changes: changes(f, 1...3),
            reset: true,
            generation: 3
        )
        #expect(newer == .applied(checkpoint: 20, upserted: 3, retracted: 0, overlaps: 0))
        #expect(try f.store.resetGeneration(of: cms) == 3)
        #expect(try f.store.resetGeneration(of: NodeID("oai-vs")) == 0)
    }

    @Test func theOriginsCounterOnlyGrows() throws {
        let f = try StoreFixture()
        #expect(try f.store.lastResetGeneration() == 0)
        #expect(try f.store.nextResetGeneration() == 1)
        #expect(try f.store.nextResetGeneration() == 2)
        // Restored: a peer reports generation 7 applied from this node.
        try f.store.raiseResetGeneration(atLeast: 7)
        #expect(try f.store.lastResetGeneration() == 7)
        #expect(try f.store.nextResetGeneration() == 8)
        try f.store.raiseResetGeneration(atLeast: 3)
        #expect(try f.store.nextResetGeneration() == 9)
        // A restore keeps the counter (it travels in node_meta with the backup) and still marks the resend.
        _ = try f.store.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        try f.store.markRestored(peers: ["cms-vs"])
        #expect(try f.store.compactedThrough() == 2)
        #expect(try f.store.nextResetGeneration() == 10)
    }

    @Test func theCounterComesBackWithABackup() throws {
        let f = try StoreFixture()
        _ = try f.store.nextResetGeneration()
        _ = try f.store.nextResetGeneration()
        try f.store.backup(to: f.folder + "/copy.sqlite")
        let restored = try NodeStore(path: f.folder + "/copy.sqlite")
        #expect(try restored.lastResetGeneration() == 2)
    }
}
