import CIICore
import Foundation
import GRDB
import Testing

@testable import CIIStore

/// Issue 15: 16-byte fingerprints from the next epoch on, stored at their width, in the compact
/// replica of migration v7; a database of v6 keeps every row.
@Suite struct CompactFingerprintTests {
    let cms = try! NodeID("cms-vs")
    let oai = try! NodeID("oai-vs")

    @Test func aCompactEpochMakesSixteenByteFingerprintsAndAWideOneThirtyTwo() throws {
        let f = try StoreFixture()
        let wide = Fingerprinter(key: .generate(epoch: .first, width: 32))
        let compact = Fingerprinter(key: .generate(epoch: Epoch(2)!))
        #expect(compact.width == 16 && wide.width == 32)
        let a = compact.fingerprint(f.avs(1))
        let b = wide.fingerprint(f.avs(1))
        #expect(a.isCompact && a.width == 16 && a.bytes.count == 16 && a.hex.count == 64)
        #expect(!b.isCompact && b.width == 32 && b.bytes.count == 32)
        #expect(Fingerprint(bytes: a.bytes) == a && Fingerprint(bytes: b.bytes) == b)
        #expect(Fingerprint(bytes: [UInt8](repeating: 1, count: 20)) == nil)
        // The compact fingerprint is the full digest truncated: the same key at width 32 gives it as prefix.
        let sameKeyWide = Fingerprinter(key: try FingerprintKey(epoch: Epoch(2)!, secret: compact.key.secret, width: 32))
        #expect(sameKeyWide.fingerprint(f.avs(1)).truncated == a)
        #expect(throws: FingerprintKeyError.self) { try FingerprintKey(epoch: .first, secret: compact.key.secret, width: 20) }
    }

    @Test func fingerprintsAreStoredAtTheirEpochsWidth() throws {
        let f = try StoreFixture()
        #expect(f.key.width == 16)
        _ = try f.store.applySnapshot((1...3).map { f.followUp($0, last: today) }, record: f.record(3))
        let changes = (4...6).map { ReplicaChange(fingerprint: f.fingerprinter.fingerprint(f.avs($0)), epoch: f.key.epoch, lastOn: today) }
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 3, changes: changes)
        let widths = try f.store.read { db in
            try Int.fetchAll(
                db,
                sql: """
                    SELECT length(fingerprint) FROM replica_entry UNION SELECT length(fingerprint) FROM own_followup
                    UNION SELECT length(fingerprint) FROM change_log
                    """
            )
        }
        #expect(widths == [16])
        #expect(try f.store.replicaCounts() == ["cms-vs": 3])
        // The dispositif is kept once per origin, not per row.
        let sources = try f.store.read { db in
            try Row.fetchAll(db, sql: "SELECT origin, dispositif FROM replica_source").map { [$0[0] as String, $0[1] as String] }
        }
        #expect(sources == [["cms-vs", "CMS"]])
        #expect(try Set(f.store.changes(after: 0).map(\.fingerprint)) == Set((1...3).map { f.fingerprinter.fingerprint(f.avs($0)) }))
    }

    @Test func movingFromAWideEpochToACompactOneKeepsChecksAnsweringAndRetiresTheOld() throws {
        let f = try StoreFixture()
        let old = FingerprintKey.generate(epoch: .first, width: 32)
        let next = FingerprintKey.generate(epoch: Epoch(2)!)
        func own(_ index: UInt64, _ key: FingerprintKey) -> OwnFollowUp {
            OwnFollowUp(fingerprint: Fingerprinter(key: key).fingerprint(f.avs(index)), epoch: key.epoch, startedOn: today, lastOn: today)
        }
        func published(_ indices: ClosedRange<UInt64>, _ key: FingerprintKey) -> [ReplicaChange] {
            indices.map { ReplicaChange(fingerprint: Fingerprinter(key: key).fingerprint(f.avs($0)), epoch: key.epoch, lastOn: today) }
        }
        func checker(_ keys: [FingerprintKey]) -> AlertChecker {
            AlertChecker(node: try! NodeID("orp-vs"), keys: keys, window: .standard, reader: ReplicaReader(store: f.store))
        }
        // Before: everything under the 32-byte epoch 1; CMS and OAI publish people 1…4 and 5…8.
        _ = try f.store.applySnapshot((1...2).map { own($0, old) }, record: f.record(2))
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 4, changes: published(1...4, old))
        _ = try f.store.applyBatch(origin: oai, dispositif: .oai, after: 0, through: 4, changes: published(5...8, old))
        #expect(try checker([old]).check(f.avs(1), today: today).matches.count == 1)

        // The coordinator starts epoch 2 (16 bytes). This node re-imports under it; CMS has moved, OAI not yet.
        let moved = try f.store.applySnapshot((1...2).map { own($0, next) }, record: f.record(2))
        #expect(moved.upserted == 2 && moved.retracted == 2)
        let cmsMove = published(1...4, next) + published(1...4, old).map { ReplicaChange(fingerprint: $0.fingerprint, epoch: $0.epoch, lastOn: nil) }
        _ = try f.store.applyBatch(origin: cms, dispositif: .cms, after: 4, through: 12, changes: cmsMove)
        let both = checker([next, old])
        for index: UInt64 in [1, 4, 5, 8] { #expect(try both.check(f.avs(index), today: today).matches.count == 1, "person \(index)") }
        #expect(try both.check(f.avs(9), today: today).matches.isEmpty)
        #expect(try f.store.replicaCountsByEpoch()["cms-vs"] == [Epoch(2)!: 4])

        // OAI moves too; then epoch 1 is retired: nothing of it is left, and checks still answer.
        let oaiMove = published(5...8, next) + published(5...8, old).map { ReplicaChange(fingerprint: $0.fingerprint, epoch: $0.epoch, lastOn: nil) }
        _ = try f.store.applyBatch(origin: oai, dispositif: .oai, after: 4, through: 12, changes: oaiMove)
        let dropped = try f.store.dropEpoch(.first)
        #expect(dropped.replicaEntries == 0 && dropped.ownFollowUps == 0)
        let after = checker([next])
        for index: UInt64 in [1, 4, 5, 8] { #expect(try after.check(f.avs(index), today: today).matches.count == 1, "person \(index)") }
        let widths = try f.store.read { db in
            try Int.fetchAll(db, sql: "SELECT length(fingerprint) FROM replica_entry UNION SELECT length(fingerprint) FROM own_followup")
        }
        #expect(widths == [16])
    }

    @Test func migrationV7KeepsEveryRowOfAVersion6Database() throws {
        let f = try StoreFixture()
        let path = f.folder + "/before-v7.sqlite"
        let wide = Fingerprinter(key: .generate(epoch: .first, width: 32))
        let people = (1...6).map { wide.fingerprint(f.avs(UInt64($0))) }
        let day = Int64(today.daysSince1970)
        let queue = try DatabaseQueue(path: path)
        try NodeStore.migrator.migrate(queue, upTo: "v6: reset generations, overlap presence, existing overlaps")
        try queue.write { db in
            for person in people.prefix(3) {
                try db.execute(
                    literal:
                        "INSERT INTO own_followup (epoch, fingerprint, started_on, last_on, caseworker, reference) VALUES (1, \(person), \(day - 30), \(day), 'A. Muster', 'D-1')"
                )
                try db.execute(
                    literal: "INSERT INTO change_log (kind, epoch, fingerprint, last_on, recorded_at) VALUES (1, 1, \(person), \(day), 1795000000)"
                )
            }
            // A compacted log: the last sequence (4) is above every row left.
            try db.execute(
                literal: "INSERT INTO change_log (kind, epoch, fingerprint, last_on, recorded_at) VALUES (2, 1, \(people[5]), NULL, 1795000000)"
            )
            try db.execute(sql: "DELETE FROM change_log WHERE seq = 4")
            for (index, person) in people.enumerated() {
                let origin = index < 4 ? "cms-vs" : "oai-vs"
                let dispositif = index < 4 ? "CMS" : "OAI"
                try db.execute(
                    literal:
                        "INSERT INTO replica (fingerprint, origin, dispositif, epoch, last_on) VALUES (\(person), \(origin), \(dispositif), 1, \(day - Int64(index)))"
                )
            }
            try db.execute(
                literal: """
                    INSERT INTO overlap_event (origin, dispositif, epoch, fingerprint, their_last_on, recorded_at, existing)
                    VALUES ('cms-vs', 'CMS', 1, \(people[0]), \(day), 1795000000, 0)
                    """
            )
            try db.execute(literal: "INSERT INTO overlap_presence (origin, epoch, fingerprint) VALUES ('cms-vs', 1, \(people[0]))")
            try db.execute(sql: "INSERT INTO replica_checkpoint (origin, dispositif, sequence, updated_at) VALUES ('cms-vs', 'CMS', 4, 1795000000)")
            try db.execute(sql: "INSERT INTO replica_checkpoint (origin, dispositif, sequence, updated_at) VALUES ('oai-vs', 'OAI', 2, 1795000000)")
        }
        try queue.close()

        let store = try NodeStore(path: path)
        #expect(try store.ownCount() == 3)
        #expect(try store.ownFollowUps().allSatisfy { $0.caseworker == "A. Muster" && $0.reference == "D-1" })
        #expect(try store.changes(after: 0).count == 3)
        #expect(try store.lastSequence() == 4)  // never reused
        #expect(try store.replicaCounts() == ["cms-vs": 4, "oai-vs": 2])
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT fingerprint, origin, dispositif, last_on FROM replica ORDER BY last_on DESC").map {
                ($0[0] as Fingerprint, $0[1] as String, $0[2] as String)
            }
        }
        #expect(rows.map(\.0) == people)
        #expect(rows.map(\.1) == ["cms-vs", "cms-vs", "cms-vs", "cms-vs", "oai-vs", "oai-vs"])
        #expect(rows.map(\.2) == ["CMS", "CMS", "CMS", "CMS", "OAI", "OAI"])
        #expect(try store.overlapEvents().count == 1)
        let presence = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM overlap_presence") }
        #expect(presence == 1)
        // The next change gets sequence 5; new 16-byte rows go beside the 32-byte ones.
        let compact = Fingerprinter(key: .generate(epoch: Epoch(2)!))
        _ = try store.applySnapshot(
            [OwnFollowUp(fingerprint: compact.fingerprint(f.avs(1)), epoch: Epoch(2)!, startedOn: today, lastOn: today)],
            record: f.record(1)
        )
        #expect(try store.changes(after: 4).first?.sequence == 5)
        let outcome = try store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 4,
            through: 5,
            changes: [ReplicaChange(fingerprint: compact.fingerprint(f.avs(7)), epoch: Epoch(2)!, lastOn: today)]
        )
        #expect(outcome == .applied(checkpoint: 5, upserted: 1, retracted: 0, overlaps: 0))
        #expect(try store.replicaCounts() == ["cms-vs": 5, "oai-vs": 2])
    }
}
