import CIICore
import CIIStore
import Foundation
import Testing

@Suite struct CompactionTests {
    let cms = try! NodeID("cms-vs")

    @Test func compactionKeepsTheLatestChangePerPersonAndDropsOldTombstones() throws {
        let f = try StoreFixture()
        let old = Date().addingTimeInterval(-40 * 86_400)
        _ = try f.store.applySnapshot((1...4).map { f.followUp($0, last: today.adding(days: -9)) }, record: f.record(4), now: old)  // 1…4
        _ = try f.store.applySnapshot((2...4).map { f.followUp($0, last: today) }, record: f.record(3), now: old)  // 5…7 upserts, 8 retracts 1
        _ = try f.store.applySnapshot([f.followUp(3, last: today), f.followUp(4, last: today)], record: f.record(2))  // 9 retracts 2 (recent)
        #expect(try f.store.lastSequence() == 9)
        let removed = try f.store.compactChangeLog(before: Date().addingTimeInterval(-30 * 86_400))
        // The old upserts 1…4 (superseded), the old tombstone 8 and the old upsert of person 2
        // (superseded by the recent 9) go; the upserts of persons 3 and 4, and 9, stay.
        #expect(removed == 6)
        let kept = try f.store.changes(after: 0)
        let print = { (index: UInt64) in f.fingerprinter.fingerprint(f.avs(index)) }
        #expect(Set(kept.filter { $0.kind == .upsert }.map(\.fingerprint)) == [print(3), print(4)])
        #expect(kept.filter { $0.kind == .retract }.map(\.fingerprint) == [print(2)])
        #expect(kept.last?.sequence == 9)
        #expect(try f.store.compactedThrough() == 8)
        #expect(try f.store.compactChangeLog(before: Date().addingTimeInterval(-30 * 86_400)) == 0)
    }

    @Test func aResetBatchReplacesWhatWasHeldOfTheOrigin() throws {
        let f = try StoreFixture()
        let changes = (1...5).map { ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs($0)), epoch: f.key.epoch, lastOn: today) }
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 50, changes: changes)
        let fresh = Array(changes.prefix(2))
        let outcome = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 60, changes: fresh, reset: true, generation: 1)
        #expect(outcome == .applied(checkpoint: 60, upserted: 2, retracted: 0, overlaps: 0))
        #expect(try f.store.replicaCounts()["cms-vs"] == 2)
    }

    @Test func digestsMatchWhenTheReplicaHoldsWhatTheOriginPublishes() throws {
        let origin = try StoreFixture()
        let peer = try StoreFixture()
        _ = try origin.store.applySnapshot((1...50).map { origin.followUp($0, last: today.adding(days: -Int($0))) }, record: origin.record(50))
        let log = try origin.store.changes(after: 0)
        let changes = log.map { ReplicaChange(fingerprint: $0.fingerprint, epoch: $0.epoch, lastOn: $0.lastOn) }
        _ = try peer.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: log.last!.sequence, changes: changes)
        let since = RetentionWindow.standard.cutoff(today: today)
        let published = try origin.store.ownDigest(since: since)
        let held = try peer.store.replicaDigest(of: "cms-vs", since: since)
        #expect(published.sequence == held.sequence)
        #expect(published.digest == held.digest)
        #expect(held.digest.count == 50)
        try peer.store.retractReplica(origin: cms, fingerprints: [changes[0].fingerprint])
        #expect(try peer.store.replicaDigest(of: "cms-vs", since: since).digest != published.digest)
        try peer.store.resetOrigin("cms-vs")
        #expect(try peer.store.checkpoint(of: cms) == 0)
        #expect(try peer.store.replicaCounts()["cms-vs"] == nil)
    }

    @Test func retentionDropsEntriesOutsideTheWindowWhateverTheOrigin() throws {
        let f = try StoreFixture()
        try f.store.upsertReplica([
            try f.entry(1, origin: "cms-vs", .cms, last: Day(year: 2023, month: 11, day: 22)!),
            try f.entry(2, origin: "cms-vs", .cms, last: Day(year: 2023, month: 11, day: 23)!),
        ])
        #expect(try f.store.dropReplicaEntries(before: RetentionWindow.standard.cutoff(today: today).daysSince1970) == 1)
        #expect(try f.store.replicaCounts()["cms-vs"] == 1)
    }
}
