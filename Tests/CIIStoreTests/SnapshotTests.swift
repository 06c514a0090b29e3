import CIICore
import CIIStore
import Testing

@Suite struct SnapshotTests {
    @Test func aSnapshotPublishesUpsertsAndRetractsWhoIsMissing() throws {
        let f = try StoreFixture()
        let first = try f.store.applySnapshot((1...5).map { f.followUp($0, last: today) }, record: f.record(5))
        #expect(first.upserted == 5 && first.retracted == 0 && first.unchanged == 0)
        #expect(first.firstSequence == 1 && first.lastSequence == 5)

        // 1 and 2 unchanged, 3 moved, 4 only changes caseworker, 5 missing, 6 new.
        let second = try f.store.applySnapshot(
            [
                f.followUp(1, last: today), f.followUp(2, last: today), f.followUp(3, last: today.adding(days: 1)),
                f.followUp(4, last: today, caseworker: "c9"), f.followUp(6, last: today),
            ],
            record: f.record(5)
        )
        #expect(second.upserted == 2)
        #expect(second.retracted == 1)
        #expect(second.unchanged == 3)
        let changes = try f.store.changes(after: 5)
        #expect(changes.map(\.sequence) == [6, 7, 8])
        #expect(changes.filter { $0.kind == .retract }.map(\.fingerprint) == [f.fingerprinter.fingerprint(f.avs(5))])
        #expect(changes.filter { $0.kind == .retract }.allSatisfy { $0.lastOn == nil })
        #expect(try f.store.ownCount() == 5)
        #expect(try f.store.ownFollowUps().first { $0.fingerprint == f.fingerprinter.fingerprint(f.avs(4)) }?.caseworker == "c9")
    }

    @Test func aChangeOfReferenceAloneIsKeptLocallyAndNotPublished() throws {
        let f = try StoreFixture()
        let first = try f.store.applySnapshot(
            [
                f.followUp(1, last: today, reference: "D-1"), f.followUp(2, last: today, caseworker: "c1", reference: "D-2"),
                f.followUp(3, last: today),
            ],
            record: f.record(3)
        )
        #expect(first.upserted == 3)
        let head = try f.store.lastSequence()
        // 1 changes its reference, 2 loses it, 3 gains one: nothing a peer sees changes.
        let second = try f.store.applySnapshot(
            [
                f.followUp(1, last: today, reference: "D-1b"), f.followUp(2, last: today, caseworker: "c1"),
                f.followUp(3, last: today, reference: "D-3"),
            ],
            record: f.record(3)
        )
        #expect(second.upserted == 0 && second.retracted == 0 && second.unchanged == 3)
        #expect(second.firstSequence == nil)
        #expect(try f.store.lastSequence() == head)
        let references = Dictionary(uniqueKeysWithValues: try f.store.ownFollowUps().map { ($0.fingerprint, $0.reference) })
        #expect(references[f.fingerprinter.fingerprint(f.avs(1))] == "D-1b")
        #expect(references[f.fingerprinter.fingerprint(f.avs(2))] == .some(nil))
        #expect(references[f.fingerprinter.fingerprint(f.avs(3))] == "D-3")
    }

    @Test func theSameSnapshotTwiceWritesNothing() throws {
        let f = try StoreFixture()
        let people = (1...100).map { f.followUp($0, last: today.adding(days: -Int($0))) }
        _ = try f.store.applySnapshot(people, record: f.record(100))
        let head = try f.store.lastSequence()
        let again = try f.store.applySnapshot(people, record: f.record(100))
        #expect(again.unchanged == 100 && again.upserted == 0 && again.retracted == 0)
        #expect(again.firstSequence == nil)
        #expect(try f.store.lastSequence() == head)
    }

    @Test func sequencesAreNeverReusedAfterRetractions() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        _ = try f.store.applySnapshot([], record: f.record(0))
        let third = try f.store.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        #expect(third.firstSequence == 3)
        #expect(try f.store.changes(after: 0).map(\.kind) == [.upsert, .retract, .upsert])
    }

    @Test func aNewEpochRetractsTheOldFingerprints() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        let next = Fingerprinter(key: .generate(epoch: Epoch(2)!))
        let rotated = OwnFollowUp(fingerprint: next.fingerprint(f.avs(1)), epoch: next.epoch, startedOn: today, lastOn: today)
        let summary = try f.store.applySnapshot([rotated], record: f.record(1))
        #expect(summary.upserted == 1 && summary.retracted == 1)
        #expect(try f.store.ownFollowUps().map(\.epoch) == [next.epoch])
    }
}
