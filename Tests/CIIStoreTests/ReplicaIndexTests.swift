import CIICore
import CIIStore
import Foundation
import Testing

/// The in-memory index answers every check as the database does, after any sequence of writes.
@Suite struct ReplicaIndexTests {
    let origins: [(String, Dispositif)] = [("cms-vs", .cms), ("oai-vs", .oai), ("t1-vs", .t1), ("ctr-vs", .t1)]
    let people: UInt64 = 240

    /// Checks of every person under both keys, read from the index and from SQLite, must be equal.
    func expectSameAnswers(_ f: StoreFixture, keys: [FingerprintKey], _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let indexed = AlertChecker(node: try NodeID("orp-vs"), keys: keys, window: .standard, reader: ReplicaReader(store: f.store))
        let database = AlertChecker(
            node: try NodeID("orp-vs"),
            keys: keys,
            window: .standard,
            reader: ReplicaReader(path: f.store.path, generation: f.store.generation)
        )
        #expect(f.store.replicaIndex.isLoaded, "\(step): the index is loaded", sourceLocation: sourceLocation)
        var differences = 0
        for person in 1...people {
            let a = try indexed.check(f.avs(person), today: today)
            let b = try database.check(f.avs(person), today: today)
            if a != b { differences += 1 }
        }
        #expect(differences == 0, "\(step): \(differences) answers differ", sourceLocation: sourceLocation)
    }

    @Test func randomWritesKeepTheIndexEqualToTheDatabase() throws {
        let f = try StoreFixture()
        let second = FingerprintKey.generate(epoch: Epoch(2)!)
        let keys = [second, f.key]
        var random = SeededRandom(seed: 15)
        try f.store.loadReplicaIndex()
        var checkpoints = [String: Int64]()
        var generations = [String: UInt64]()
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        for round in 0..<60 {
            let (origin, dispositif) = origins[Int(random.next() % UInt64(origins.count))]
            let id = try NodeID(origin)
            switch random.next() % 10 {
            case 0:
                // A full resend: drops what was held of the origin.
                let generation = (generations[origin] ?? 0) + 1
                generations[origin] = generation
                let changes = randomChanges(f, keys: keys, count: 30, retractions: false, &random)
                let outcome = try f.store.applyBatch(
                    origin: id,
                    dispositif: dispositif,
                    after: 0,
                    through: 30,
                    changes: changes,
                    reset: true,
                    generation: generation,
                    reachesEnd: true,
                    now: now
                )
                checkpoints[origin] = outcome.checkpoint
            case 1:
                try f.store.resetOrigin(origin)
                checkpoints[origin] = 0
            case 2:
                try f.store.dropReplicaEntries(before: today.adding(days: -Int(random.next() % 900)).daysSince1970)
            case 3:
                let own = (1...people).filter { _ in random.next() % 4 == 0 }.map { person in
                    OwnFollowUp(
                        fingerprint: Fingerprinter(key: keys[Int(person % 2)]).fingerprint(f.avs(person)),
                        epoch: keys[Int(person % 2)].epoch,
                        startedOn: today.adding(days: -100),
                        lastOn: today.adding(days: -Int(random.next() % 50)),
                        caseworker: nil,
                        reference: nil
                    )
                }
                _ = try f.store.applySnapshot(own, record: f.record(own.count), now: now)
            case 4:
                // The dev and test path: entries of several origins at once, then retractions.
                let entries = try (0..<20).map { _ in
                    let person = 1 + random.next() % people
                    let (other, code) = origins[Int(random.next() % UInt64(origins.count))]
                    let key = keys[Int(random.next() % 2)]
                    return ReplicaEntry(
                        origin: try NodeID(other),
                        dispositif: code,
                        fingerprint: Fingerprinter(key: key).fingerprint(f.avs(person)),
                        epoch: key.epoch,
                        lastOn: today.adding(days: -Int(random.next() % 800))
                    )
                }
                try f.store.upsertReplica(entries)
                try f.store.retractReplica(origin: id, fingerprints: entries.prefix(5).map(\.fingerprint))
            default:
                let held = checkpoints[origin] ?? 0
                let changes = randomChanges(f, keys: keys, count: 1 + Int(random.next() % 40), retractions: true, &random)
                let through = held + Int64(changes.count)
                let outcome = try f.store.applyBatch(
                    origin: id,
                    dispositif: dispositif,
                    after: held,
                    through: through,
                    changes: changes,
                    reachesEnd: random.next() % 2 == 0,
                    now: now
                )
                #expect(outcome.checkpoint == through)
                checkpoints[origin] = through
            }
            try expectSameAnswers(f, keys: keys, "round \(round)")
        }
        // The first epoch retired: its entries and own follow-ups go, from the index too.
        try f.store.dropEpoch(.first)
        try expectSameAnswers(f, keys: keys, "after the retirement")
        #expect(try f.store.replicaCountsByEpoch().values.allSatisfy { $0[.first] == nil })
    }

    @Test func aLargeBatchIsMergedIntoTheSortedArrayAndStaysEqual() throws {
        let f = try StoreFixture()
        try f.store.upsertReplica(try (1...people).map { try f.entry($0, origin: "oai-vs", .oai, last: today.adding(days: -Int($0))) })
        try f.store.loadReplicaIndex()
        // More changes than the delta holds: merged into the base array.
        let changes = (1...UInt64(70_000)).map { person in
            ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs(person)), epoch: f.key.epoch, lastOn: person % 3 == 0 ? nil : today)
        }
        _ = try f.store.applyBatch(origin: try NodeID("cms-vs"), dispositif: .cms, after: 0, through: 70_000, changes: changes)
        #expect(f.store.replicaIndex.entryCount == Int(people) + 70_000 - 70_000 / 3)
        try expectSameAnswers(f, keys: [f.key], "after a large batch")
        try f.store.retractReplica(origin: try NodeID("cms-vs"), fingerprints: (1...UInt64(100)).map { f.fingerprinter.fingerprint(f.avs($0)) })
        try expectSameAnswers(f, keys: [f.key], "after retractions")
    }

    @Test func anOriginThatChangesItsDispositifIsHeldOnce() throws {
        let f = try StoreFixture()
        try f.store.loadReplicaIndex()
        let cms = try NodeID("cms-vs")
        let change = ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs(1)), epoch: f.key.epoch, lastOn: today)
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 1, changes: [change])
        _ = try f.store.applyBatch(origin: cms, dispositif: .oai, after: 1, through: 2, changes: [change])
        try expectSameAnswers(f, keys: [f.key], "after the change of dispositif")
        let answer = try AlertChecker(node: try NodeID("orp-vs"), keys: [f.key], window: .standard, reader: ReplicaReader(store: f.store))
            .check(f.avs(1), today: today)
        #expect(answer.matches.map(\.dispositif) == [.oai])
    }

    @Test func aRestartedNodeRebuildsTheSameIndex() throws {
        let f = try StoreFixture()
        try f.store.upsertReplica(
            try (1...people).map { try f.entry($0, origin: $0 % 2 == 0 ? "cms-vs" : "oai-vs", $0 % 2 == 0 ? .cms : .oai, last: today) }
        )
        _ = try f.store.applySnapshot((1...UInt64(30)).map { f.followUp($0, last: today) }, record: f.record(30))
        let first = try f.store.loadReplicaIndex()
        #expect(first.entries == Int(people))
        #expect(first.ownFollowUps == 30)
        #expect(first.bytes >= Int(people) * 24)
        try f.store.retractReplica(origin: try NodeID("cms-vs"), fingerprints: [f.fingerprinter.fingerprint(f.avs(2))])

        let restarted = try NodeStore(path: f.store.path)
        #expect(!restarted.replicaIndex.isLoaded)
        let load = try restarted.loadReplicaIndex()
        #expect(load.entries == Int(people) - 1)
        #expect(load.ownFollowUps == 30)
        let before = AlertChecker(node: try NodeID("orp-vs"), keys: [f.key], window: .standard, reader: ReplicaReader(store: f.store))
        let after = AlertChecker(node: try NodeID("orp-vs"), keys: [f.key], window: .standard, reader: ReplicaReader(store: restarted))
        for person in 1...people { #expect(try before.check(f.avs(person), today: today) == after.check(f.avs(person), today: today)) }
    }

    @Test func anImportByAnotherProcessIsSeenAfterTheRefresh() throws {
        let f = try StoreFixture()
        try f.store.loadReplicaIndex()
        let checker = AlertChecker(node: try NodeID("orp-vs"), keys: [f.key], window: .standard, reader: ReplicaReader(store: f.store))
        #expect(try !checker.check(f.avs(1), today: today).followedHere)
        #expect(try !f.store.refreshReplicaIndex())

        let other = try NodeStore(path: f.store.path)  // `ciid import` beside `ciid serve`
        _ = try other.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        #expect(try f.store.refreshReplicaIndex())
        #expect(try checker.check(f.avs(1), today: today).followedHere)
        #expect(try !f.store.refreshReplicaIndex())

        // Another process retires the epoch: its own follow-ups and entries go from the index too.
        try f.store.upsertReplica([try f.entry(2, origin: "cms-vs", .cms, last: today)])
        try other.dropEpoch(.first)
        #expect(try f.store.refreshReplicaIndex())
        #expect(try !checker.check(f.avs(1), today: today).followedHere)
        #expect(try checker.check(f.avs(2), today: today).matches.isEmpty)
    }

    @Test func anOverlapIsFoundWhileTheIndexIsBehindAnImportByAnotherProcess() throws {
        let f = try StoreFixture()
        _ = try f.store.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        try f.store.loadReplicaIndex()
        let cms = try NodeID("cms-vs")
        let change = { (person: UInt64) in ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs(person)), epoch: f.key.epoch, lastOn: today) }
        // The index holds the own set: person 1 appearing at CMS is an overlap, person 3 is nobody's here.
        let first = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 2, changes: [change(1), change(3)], reachesEnd: true)
        #expect(first == .applied(checkpoint: 2, upserted: 2, retracted: 0, overlaps: 1))
        // `ciid import` beside `ciid serve` adds person 2; the index has not read it yet (no refresh).
        let other = try NodeStore(path: f.store.path)
        _ = try other.applySnapshot([f.followUp(1, last: today), f.followUp(2, last: today)], record: f.record(2))
        let second = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 2, through: 3, changes: [change(2)], reachesEnd: true)
        #expect(second == .applied(checkpoint: 3, upserted: 1, retracted: 0, overlaps: 1))
        #expect(try f.store.overlapEvents(existing: true).count == 1)  // found at the first sync
        #expect(try f.store.overlapEvents().count == 1)  // an alert: person 2 appeared at CMS after
    }

    @Test func theWriterPicksUpAnImportByAnotherProcess() async throws {
        let f = try StoreFixture()
        try f.store.loadReplicaIndex()
        let store = f.store
        let writer = StoreWriter(maintenanceInterval: .milliseconds(20)) { _ = try? store.refreshReplicaIndex() }
        let checker = AlertChecker(node: try NodeID("orp-vs"), keys: [f.key], window: .standard, reader: ReplicaReader(store: f.store))
        let other = try NodeStore(path: f.store.path)
        _ = try other.applySnapshot([f.followUp(1, last: today)], record: f.record(1))
        var seen = false
        for _ in 0..<200 where !seen {
            try await Task.sleep(for: .milliseconds(10))
            seen = try checker.check(f.avs(1), today: today).followedHere
        }
        await writer.shutdown()
        #expect(seen)
    }

    func randomChanges(_ f: StoreFixture, keys: [FingerprintKey], count: Int, retractions: Bool, _ random: inout SeededRandom) -> [ReplicaChange] {
        (0..<count).map { _ in
            let person = 1 + random.next() % people
            let key = keys[Int(random.next() % 2)]
            let retract = retractions && random.next() % 4 == 0
            return ReplicaChange(
                fingerprint: Fingerprinter(key: key).fingerprint(f.avs(person)),
                epoch: key.epoch,
                lastOn: retract ? nil : today.adding(days: -Int(random.next() % 800))
            )
        }
    }
}
