import CIICore
import CIIStore
import Foundation
import Testing

@Suite struct AlertCheckerTests {
    func checker(_ f: StoreFixture, node: String = "orp-vs", keys: [FingerprintKey]? = nil) throws -> AlertChecker {
        AlertChecker(node: try NodeID(node), keys: keys ?? [f.key], window: .standard, reader: ReplicaReader(store: f.store))
    }

    @Test func answersWithEachOtherDispositifInsideTheWindow() throws {
        let f = try StoreFixture()
        try f.store.upsertReplica([
            try f.entry(1, origin: "oai-vs", .oai, last: Day(year: 2025, month: 1, day: 5)!),
            try f.entry(1, origin: "cms-vs", .cms, last: Day(year: 2025, month: 4, day: 17)!),
            try f.entry(1, origin: "t1-vs", .t1, last: Day(year: 2023, month: 11, day: 22)!),  // one day too old
            try f.entry(2, origin: "cms-vs", .cms, last: today),
        ])
        let answer = try checker(f).check(f.avs(1), today: today)
        #expect(answer.matches.map(\.dispositif) == [.cms, .oai])
        #expect(answer.matches.map(\.lastFollowUp.iso) == ["2025-04-17", "2025-01-05"])
        #expect(answer.windowStart.iso == "2023-11-23")
        #expect(answer.checkedOn == today)
        #expect(!answer.followedHere)
        #expect(answer.fingerprint == f.fingerprinter.fingerprint(f.avs(1)))
        #expect(try checker(f).check(f.avs(3), today: today).matches.isEmpty)
    }

    @Test func theWindowEdgeIsInclusive() throws {
        let f = try StoreFixture()
        try f.store.upsertReplica([try f.entry(1, origin: "cms-vs", .cms, last: Day(year: 2023, month: 11, day: 23)!)])
        #expect(try checker(f).check(f.avs(1), today: today).matches.count == 1)
        #expect(try checker(f).check(f.avs(1), today: today.adding(days: 1)).matches.isEmpty)
    }

    @Test func ownRowsAreNotAnotherDispositifButAreReported() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        try f.store.upsertReplica([try f.entry(1, origin: "orp-vs", .orp, last: today)])
        let answer = try checker(f).check(f.avs(1), today: today)
        #expect(answer.matches.isEmpty)
        #expect(answer.followedHere)
    }

    @Test func fingerprintsOfAnotherEpochDoNotMatchUnlessTheNodeHoldsThatKey() throws {
        let f = try StoreFixture()
        let old = FingerprintKey.generate(epoch: .first)
        let current = FingerprintKey.generate(epoch: Epoch(2)!)
        let oldPrint = Fingerprinter(key: old).fingerprint(f.avs(1))
        try f.store.upsertReplica([ReplicaEntry(origin: try NodeID("cms-vs"), dispositif: .cms, fingerprint: oldPrint, epoch: .first, lastOn: today)])
        #expect(try checker(f, keys: [current]).check(f.avs(1), today: today).matches.isEmpty)
        let rotating = try checker(f, keys: [old, current])
        #expect(try rotating.check(f.avs(1), today: today).matches.count == 1)
        #expect(try rotating.check(f.avs(1), today: today).fingerprint == Fingerprinter(key: current).fingerprint(f.avs(1)))
    }

    @Test func writesOfThisProcessAreSeenAtOnce() throws {
        let f = try StoreFixture()
        let checker = try checker(f)
        #expect(try checker.check(f.avs(1), today: today).matches.isEmpty)
        try f.store.upsertReplica([try f.entry(1, origin: "cms-vs", .cms, last: today)])
        #expect(try checker.check(f.avs(1), today: today).matches.count == 1)
        try f.store.retractReplica(origin: try NodeID("cms-vs"), fingerprints: [f.fingerprinter.fingerprint(f.avs(1))])
        #expect(try checker.check(f.avs(1), today: today).matches.isEmpty)
    }

    @Test func writesOfAnotherProcessAreSeenWithinTheStalenessBound() throws {
        let f = try StoreFixture()
        let reader = ReplicaReader(path: f.store.path, generation: WriteGeneration(), maximumStalenessMilliseconds: 50)
        let checker = AlertChecker(node: try NodeID("orp-vs"), keys: [f.key], window: .standard, reader: reader)
        #expect(try checker.check(f.avs(1), today: today).matches.isEmpty)
        try f.store.upsertReplica([try f.entry(1, origin: "cms-vs", .cms, last: today)])
        var seen = false
        for _ in 0..<40 where !seen {
            Thread.sleep(forTimeInterval: 0.025)
            seen = try checker.check(f.avs(1), today: today).matches.count == 1
        }
        #expect(seen)
    }

    @Test func concurrentChecksGetConsistentAnswers() async throws {
        let f = try StoreFixture()
        try f.store.upsertReplica(try (1...200).map { try f.entry($0, origin: "cms-vs", .cms, last: today) })
        let checker = try checker(f)
        let numbers = (UInt64(1)...400).map { f.avs($0) }
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var found = 0
                    let order = task % 2 == 0 ? numbers : numbers.reversed()
                    for avs in order where try checker.check(avs, today: today).matches.count == 1 {
                        found += 1
                    }
                    return found
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.allSatisfy { $0 == 200 })
    }
}
