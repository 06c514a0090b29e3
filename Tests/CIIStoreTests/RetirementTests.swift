import CIICore
import CIIStore
import Foundation
import Testing

/// A retired epoch leaves nothing behind in the node database, and nothing of it comes back.
@Suite struct RetirementTests {
    let cms = try! NodeID("cms-vs")

    @Test func droppingAnEpochRemovesItsRowsOnlyAndIsRemembered() throws {
        let f = try StoreFixture()
        let second = FingerprintKey.generate(epoch: Epoch(2)!)
        func own(_ index: UInt64, _ key: FingerprintKey) -> OwnFollowUp {
            OwnFollowUp(fingerprint: Fingerprinter(key: key).fingerprint(f.avs(index)), epoch: key.epoch, startedOn: today, lastOn: today)
        }
        // This node moved people 1…3 to epoch 2; a peer published 4…5 under each epoch.
        _ = try f.store.applySnapshot((1...3).map { own($0, f.key) }, record: f.record(3))
        _ = try f.store.applySnapshot((1...3).map { own($0, second) }, record: f.record(3))
        let changes = (4...5).flatMap { index in
            [f.key, second].map { ReplicaChange(fingerprint: Fingerprinter(key: $0).fingerprint(f.avs(index)), epoch: $0.epoch, lastOn: today) }
        }
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 4, changes: changes)
        #expect(try f.store.replicaCountsByEpoch()["cms-vs"] == [.first: 2, Epoch(2)!: 2])

        let dropped = try f.store.dropEpoch(.first)
        #expect(dropped == RetirementSummary(epoch: .first, replicaEntries: 2, ownFollowUps: 0, changes: 6))
        #expect(try f.store.replicaCountsByEpoch()["cms-vs"] == [Epoch(2)!: 2])
        #expect(try f.store.ownFollowUps().allSatisfy { $0.epoch == second.epoch } && f.store.ownCount() == 3)
        #expect(try f.store.changes(after: 0).allSatisfy { $0.epoch == second.epoch })
        #expect(try f.store.lastSequence() == 9)  // sequences are never reused
        #expect(try f.store.retiredEpochs() == [.first])
        #expect(try f.store.dropEpoch(.first) == RetirementSummary(epoch: .first, replicaEntries: 0, ownFollowUps: 0, changes: 0))

        // A batch sent before its origin learnt of the retirement: its epoch-1 changes add nothing.
        let late = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 4, through: 6, changes: [changes[0], changes[1]])
        #expect(late == .applied(checkpoint: 6, upserted: 1, retracted: 0, overlaps: 0))
        #expect(try f.store.replicaCountsByEpoch()["cms-vs"] == [Epoch(2)!: 2])
    }

    @Test func ownRowsLeftUnderARetiredEpochComeBackUnderTheCurrentKeyAtTheNextImport() throws {
        let f = try StoreFixture()
        let second = FingerprintKey.generate(epoch: Epoch(2)!)
        // No import since the rotation: the own set is still under epoch 1.
        _ = try f.store.applySnapshot((1...4).map { f.followUp($0, last: today) }, record: f.record(4))
        #expect(try f.store.dropEpoch(.first).ownFollowUps == 4)
        #expect(try f.store.ownCount() == 0)
        // An import fingerprinted under the retired key (started before the retirement) is refused.
        #expect(throws: StoreError.self) { try f.store.applySnapshot([f.followUp(1, last: today)], record: f.record(1)) }
        // The next import, under the current key, publishes everyone again: upserts, no retraction of epoch 1.
        let followUps = (1...4).map {
            OwnFollowUp(fingerprint: Fingerprinter(key: second).fingerprint(f.avs($0)), epoch: second.epoch, startedOn: today, lastOn: today)
        }
        let summary = try f.store.applySnapshot(followUps, record: f.record(4))
        #expect(summary.upserted == 4 && summary.retracted == 0)
        #expect(try f.store.changes(after: 0).map(\.epoch) == Array(repeating: second.epoch, count: 4))
        #expect(try f.store.ownFollowUps().allSatisfy { $0.epoch == second.epoch })
    }
}
