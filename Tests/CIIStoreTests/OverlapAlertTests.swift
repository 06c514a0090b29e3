import CIICore
import CIIStore
import Foundation
import GRDB
import Testing

/// An overlap alert is raised when one of our people first appears in another origin's set, or
/// reappears there after a retraction; never for a resend or a later date alone. What is already
/// there at the first sync with an origin is listed as existing overlaps.
@Suite struct OverlapAlertTests {
    let cms = try! NodeID("cms-vs")

    func changes(_ f: StoreFixture, _ indices: [UInt64], last: Day? = today) -> [ReplicaChange] {
        indices.map { ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs($0)), epoch: f.key.epoch, lastOn: last) }
    }

    /// A store whose own set is people 1…5, synced with CMS (which holds people 10…12, none of ours) through sequence 3.
    func synced() throws -> StoreFixture {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot((1...5).map { f.followUp($0, last: today, caseworker: "c-\($0)") }, record: f.record(5))
        let first = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 3, changes: changes(f, [10, 11, 12]), reachesEnd: true)
        #expect(first == .applied(checkpoint: 3, upserted: 3, retracted: 0, overlaps: 0))
        return f
    }

    @Test func aFullResendRaisesNoAlertAgain() throws {
        let f = try synced()
        let added = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 3, through: 5, changes: changes(f, [1, 2]), reachesEnd: true)
        #expect(added == .applied(checkpoint: 5, upserted: 2, retracted: 0, overlaps: 2))
        #expect(try f.store.overlapEvents().count == 2)
        // The origin compacted (or was restored): everything again, flagged reset, in two batches.
        let resent = try f.store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 0,
            through: 4,
            changes: changes(f, [10, 11, 1]),
            reset: true,
            generation: 1
        )
        #expect(resent == .applied(checkpoint: 4, upserted: 3, retracted: 0, overlaps: 0))
        let end = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 4, through: 6, changes: changes(f, [12, 2]), reachesEnd: true)
        #expect(end == .applied(checkpoint: 6, upserted: 2, retracted: 0, overlaps: 0))
        #expect(try f.store.overlapEvents().count == 2)
        #expect(try f.store.overlapEvents(existing: true).isEmpty)
        // A digest repair (the origin forgotten, then sent everything from 0): nothing either.
        try f.store.resetOrigin("cms-vs")
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 6, changes: changes(f, [10, 11, 12, 1, 2]), reachesEnd: true)
        #expect(try f.store.overlapEvents().count == 2)
    }

    @Test func aPersonWhoBecomesOursWhileAnOriginHoldsThemRaisesNoAlertOnItsResend() throws {
        let f = try synced()
        // CMS holds 10…12; our next import adds 10 and 11: nothing appeared at CMS, no alert.
        _ = try f.store.applySnapshot(
            (1...5).map { f.followUp($0, last: today) } + [10, 11].map { f.followUp($0, last: today) },
            record: f.record(7)
        )
        #expect(try f.store.overlapEvents().isEmpty)
        let resent = try f.store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 0,
            through: 3,
            changes: changes(f, [10, 11, 12]),
            reset: true,
            generation: 1,
            reachesEnd: true
        )
        #expect(resent == .applied(checkpoint: 3, upserted: 3, retracted: 0, overlaps: 0))
        // Once no longer ours, then ours again after CMS retracted and re-added them: one alert.
        _ = try f.store.applySnapshot((1...5).map { f.followUp($0, last: today) }, record: f.record(5))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 3, through: 4, changes: changes(f, [10], last: nil))
        _ = try f.store.applySnapshot((1...5).map { f.followUp($0, last: today) } + [f.followUp(10, last: today)], record: f.record(6))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 4, through: 5, changes: changes(f, [10]), reachesEnd: true)
        #expect(try f.store.overlapEvents().count == 1)
    }

    @Test func aLaterFollowUpDateAloneRaisesNothingAndARetractionThenReAddRaisesOne() throws {
        let f = try synced()
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 3, through: 4, changes: changes(f, [1], last: today.adding(days: -9)))
        #expect(try f.store.overlapEvents().count == 1)
        let later = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 4, through: 5, changes: changes(f, [1], last: today))
        #expect(later == .applied(checkpoint: 5, upserted: 1, retracted: 0, overlaps: 0))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 5, through: 6, changes: changes(f, [1], last: nil))
        #expect(try f.store.overlapEvents().count == 1)
        let back = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 6, through: 7, changes: changes(f, [1], last: today))
        #expect(back == .applied(checkpoint: 7, upserted: 1, retracted: 0, overlaps: 1))
        let events = try f.store.overlapEvents()
        #expect(events.count == 2 && events.allSatisfy { $0.caseworker == "c-1" && !$0.existing })
        // Another origin holding the same person is an overlap of its own.
        let oai = try NodeID("oai-vs")
        _ = try f.store.applyBatch(origin: oai, dispositif: .oai, after: 0, through: 1, changes: changes(f, [1]), reachesEnd: true)
        #expect(try f.store.overlapEvents(existing: true).map(\.origin) == ["oai-vs"])
    }

    @Test func whatIsThereAtTheFirstSyncIsListedAsExistingNotAsAlerts() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot((1...5).map { f.followUp($0, last: today) }, record: f.record(5))
        // The first sync, in two batches: the second reaches the origin's end.
        let first = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 2, changes: changes(f, [1, 2]))
        #expect(first == .applied(checkpoint: 2, upserted: 2, retracted: 0, overlaps: 2))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 2, through: 4, changes: changes(f, [3, 20]), reachesEnd: true)
        #expect(try f.store.overlapEvents().isEmpty)
        #expect(try f.store.overlapEvents(existing: true).count == 3)
        // After that, a person of ours appearing there is an alert.
        let next = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 4, through: 5, changes: changes(f, [4]))
        #expect(next == .applied(checkpoint: 5, upserted: 1, retracted: 0, overlaps: 1))
        #expect(try f.store.overlapEvents().map(\.fingerprint) == [f.fingerprinter.fingerprint(f.avs(4))])
        // Synced stays synced through a reset and a digest repair.
        _ = try f.store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 0,
            through: 6,
            changes: changes(f, [1, 2, 3, 4, 20]),
            reset: true,
            generation: 1
        )
        try f.store.resetOrigin("cms-vs")
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 7, changes: changes(f, [1, 2, 3, 4, 5, 20]))
        #expect(try f.store.overlapEvents().count == 2)
        #expect(try f.store.overlapEvents(existing: true).count == 3)
    }

    @Test func anEmptyOriginReachedAtItsEndIsSyncedAtOnce() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        // A heartbeat of an origin that has published nothing yet holds its whole (empty) set.
        #expect(
            try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 0, changes: [], reachesEnd: true)
                == .alreadyApplied(checkpoint: 0)
        )
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 1, changes: changes(f, [1]))
        #expect(try f.store.overlapEvents().count == 1)
    }

    @Test func aPersonTheResendNoLongerCarriesIsAnAlertWhenTheyComeBack() throws {
        let f = try synced()
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 3, through: 5, changes: changes(f, [1, 2]))
        // The origin retracted person 2 and compacted the tombstone: the resend no longer carries them.
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 8, changes: changes(f, [1]), reset: true, generation: 1)
        // Until the resend reaches the end, presence is kept (a later batch of the resend may carry them).
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 8, through: 9, changes: changes(f, [10]), reachesEnd: true)
        #expect(try f.store.overlapEvents().count == 2)
        let back = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 9, through: 10, changes: changes(f, [2]))
        #expect(back == .applied(checkpoint: 10, upserted: 1, retracted: 0, overlaps: 1))
    }

    @Test func retentionAndRetirementForgetPresence() throws {
        let f = try StoreFixture()
        let old = Day(year: 2023, month: 11, day: 1)!
        _ = try f.store.applySnapshot((1...2).map { f.followUp($0, last: today) }, record: f.record(2))
        _ = try f.store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 0,
            through: 2,
            changes: changes(f, [1], last: old) + changes(f, [2]),
            reachesEnd: true
        )
        #expect(try f.store.overlapEvents(existing: true).count == 2)
        #expect(try f.store.dropReplicaEntries(before: RetentionWindow.standard.cutoff(today: today).daysSince1970) == 1)
        #expect(try presence(f) == 1)
        // Followed there again, years later: an alert.
        let again = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 2, through: 4, changes: changes(f, [1, 2]))
        #expect(again == .applied(checkpoint: 4, upserted: 2, retracted: 0, overlaps: 1))
        #expect(try presence(f) == 2)
        try f.store.dropEpoch(.first)
        #expect(try presence(f) == 0)
        #expect(try f.store.overlapEvents().count == 1)
    }

    func presence(_ f: StoreFixture) throws -> Int? {
        try f.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM overlap_presence") }
    }
}
