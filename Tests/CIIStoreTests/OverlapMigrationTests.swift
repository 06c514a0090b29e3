import CIICore
import Foundation
import GRDB
import Testing

@testable import CIIStore

/// An upgrade fills the overlap presence from what the replica already holds, so the next resend
/// raises no alert again, and origins already exchanged with count as synced.
@Suite struct OverlapMigrationTests {
    let cms = try! NodeID("cms-vs")

    @Test func anUpgradeFillsPresenceFromTheReplicaAndRaisesNothingOnTheNextResend() throws {
        let f = try StoreFixture()
        let path = f.folder + "/before-v6.sqlite"
        // A database of v5 holds 32-byte fingerprints only (epochs before issue 15).
        let wide = Fingerprinter(key: .generate(epoch: .first, width: 32))
        let people = (1...4).map { wide.fingerprint(f.avs(UInt64($0))) }
        let day = Int64(today.daysSince1970)
        let queue = try DatabaseQueue(path: path)
        try NodeStore.migrator.migrate(queue, upTo: "v5: retired epochs")
        try queue.write { db in
            // Our people 1, 2 and 4; CMS holds 1, 2 and 3 (alerts for 1 and 2 were raised by the old rule).
            for person in [people[0], people[1], people[3]] {
                try db.execute(
                    literal: "INSERT INTO own_followup (epoch, fingerprint, started_on, last_on) VALUES (1, \(person), \(day - 30), \(day))"
                )
            }
            for person in people.prefix(3) {
                try db.execute(
                    literal: "INSERT INTO replica (fingerprint, origin, dispositif, epoch, last_on) VALUES (\(person), 'cms-vs', 'CMS', 1, \(day))"
                )
            }
            for person in people.prefix(2) {
                try db.execute(
                    literal: """
                        INSERT INTO overlap_event (origin, dispositif, epoch, fingerprint, their_last_on, recorded_at)
                        VALUES ('cms-vs', 'CMS', 1, \(person), \(day), 1795000000)
                        """
                )
            }
            try db.execute(sql: "INSERT INTO replica_checkpoint (origin, dispositif, sequence, updated_at) VALUES ('cms-vs', 'CMS', 3, 1795000000)")
        }
        try queue.close()

        let store = try NodeStore(path: path)
        #expect(try store.overlapEvents().count == 2)
        let presence = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM overlap_presence WHERE origin = 'cms-vs'") }
        #expect(presence == 2)
        // CMS compacted: the whole set again, flagged reset. No alert.
        let changes = people.prefix(3).map { ReplicaChange(fingerprint: $0, epoch: .first, lastOn: today) }
        let resent = try store.applyBatch(origin: cms, dispositif: .cms, after: 0, through: 9, changes: changes, reset: true, generation: 1)
        #expect(resent == .applied(checkpoint: 9, upserted: 3, retracted: 0, overlaps: 0))
        #expect(try store.overlapEvents().count == 2)
        // CMS was exchanged with before the upgrade: a person of ours appearing there is an alert, not an existing overlap.
        let next = try store.applyBatch(
            origin: cms,
            dispositif: .cms,
            after: 9,
            through: 10,
            changes: [ReplicaChange(fingerprint: people[3], epoch: .first, lastOn: today)]
        )
        #expect(next == .applied(checkpoint: 10, upserted: 1, retracted: 0, overlaps: 1))
        #expect(try store.overlapEvents().count == 3 && store.overlapEvents(existing: true).isEmpty)
    }
}
