import CIICore
import CIIStore
import Testing

@Suite struct BatchApplyTests {
    let cms = try! NodeID("cms-vs")

    func changes(_ f: StoreFixture, _ range: ClosedRange<UInt64>, last: Day? = today) -> [ReplicaChange] {
        range.map { ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs($0)), epoch: f.key.epoch, lastOn: last) }
    }

    @Test func batchesApplyInOrderOnceAndGapsAreRefused() throws {
        let f = try StoreFixture()
        let first = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 10, changes: changes(f, 1...10))
        #expect(first == .applied(checkpoint: 10, upserted: 10, retracted: 0, overlaps: 0))
        // The same batch again: nothing changes.
        #expect(
            try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 10, changes: changes(f, 1...10))
                == .alreadyApplied(checkpoint: 10)
        )
        // A batch after a gap: refused with the expected sequence.
        #expect(try f.store.applyBatch(origin: cms, dispositif: .cms, after: 15, through: 20, changes: changes(f, 11...15)) == .gap(expected: 10))
        #expect(try f.store.replicaCounts()["cms-vs"] == 10)
        // The next batch, with retractions.
        let next = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 10, through: 13, changes: changes(f, 1...3, last: nil))
        #expect(next == .applied(checkpoint: 13, upserted: 0, retracted: 3, overlaps: 0))
        #expect(try f.store.replicaCounts()["cms-vs"] == 7)
        #expect(try f.store.checkpoint(of: cms) == 13)
    }

    /// CMS had published nothing when this node first synced with it: what it adds next are alerts.
    func syncedWithAnEmptyOrigin(_ f: StoreFixture) throws {
        #expect(
            try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 0, changes: [], reachesEnd: true)
                == .alreadyApplied(checkpoint: 0)
        )
    }

    @Test func aPeerFollowingOneOfOurPeopleIsAnOverlapForTheirCaseworker() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot([f.followUp(1, last: today, caseworker: "c-17"), f.followUp(2, last: today)], record: f.record(2))
        try syncedWithAnEmptyOrigin(f)
        let outcome = try f.store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 0,
            through: 3,
            changes: changes(f, 1...3, last: today.adding(days: -2))
        )
        #expect(outcome == .applied(checkpoint: 3, upserted: 3, retracted: 0, overlaps: 2))
        let events = try f.store.overlapEvents()
        #expect(events.count == 2)
        #expect(events.contains { $0.caseworker == "c-17" && $0.dispositif == .cms && $0.origin == "cms-vs" })
        // The same date again, or a later one, is the same overlap: no new alert.
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 3, through: 4, changes: changes(f, 1...1, last: today.adding(days: -2)))
        #expect(try f.store.overlapEvents().count == 2)
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 4, through: 5, changes: changes(f, 1...1, last: today))
        #expect(try f.store.overlapEvents().count == 2)
    }

    @Test func anOverlapNamesTheDossierReferenceOfTheOwnFollowUp() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot(
            [f.followUp(1, last: today, caseworker: "c-17", reference: "ORP-2024-0042"), f.followUp(2, last: today)],
            record: f.record(2)
        )
        try syncedWithAnEmptyOrigin(f)
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 2, changes: changes(f, 1...2, last: today))
        let events = try f.store.overlapEvents()
        #expect(events.count == 2)
        let named = try #require(events.first { $0.fingerprint == f.fingerprinter.fingerprint(f.avs(1)) })
        #expect(named.reference == "ORP-2024-0042" && named.caseworker == "c-17")
        #expect(events.first { $0.fingerprint == f.fingerprinter.fingerprint(f.avs(2)) }?.reference == nil)
        // The event keeps the reference it was recorded with; a later import changes only the next events
        // (here: CMS ended its follow-up, then started a new one).
        _ = try f.store.applySnapshot([f.followUp(1, last: today, caseworker: "c-17", reference: "ORP-2025-0001")], record: f.record(1))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 2, through: 3, changes: changes(f, 1...1, last: nil))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 3, through: 4, changes: changes(f, 1...1, last: today.adding(days: 1)))
        let after = try f.store.overlapEvents()
        #expect(after.count == 3 && after.first?.reference == "ORP-2025-0001")
        #expect(after.filter { $0.reference == "ORP-2024-0042" }.count == 1)
    }
}
