import CIICore
import Foundation
import GRDB

/// When a batch makes an overlap: one of this node's own people (an own follow-up of the same
/// epoch and fingerprint) appears in another origin's set.
///
/// `overlap_presence` lists, per origin, the own people that origin holds. An upsert of an own
/// person not yet listed there records the presence and an overlap event; anything else (a
/// resend, a later follow-up date) records nothing. A retraction removes the presence, so a
/// later re-add is an overlap again. Until the origin was once synced (see ``ReplicaOrigin``),
/// events are recorded as existing overlaps (`existing = 1`), not alerts.
///
/// Lives inside the apply transaction, with prepared statements: it runs once per change.
final class OverlapRule {
    private let own: RawStatement
    private let present: RawStatement
    private let record: RawStatement
    private let absent: RawStatement
    /// The own set held in memory, when it is the database's: changes of people it does not hold
    /// need no lookup.
    private let ownSet: OwnSetView?
    /// Events recorded so far.
    private(set) var events = 0

    init(_ db: Database, origin: String, dispositif: Dispositif, existing: Bool, now: Date, ownSet: OwnSetView? = nil) throws {
        self.ownSet = ownSet
        own = try RawStatement(db, "SELECT 1 FROM own_followup WHERE epoch = ?1 AND fingerprint = ?2")
        // Records the presence once: changes() is 1 the first time only.
        present = try RawStatement(
            db,
            "INSERT INTO overlap_presence (origin, epoch, fingerprint) VALUES (?1, ?2, ?3) ON CONFLICT (origin, epoch, fingerprint) DO NOTHING"
        )
        record = try RawStatement(
            db,
            """
            INSERT INTO overlap_event (origin, dispositif, epoch, fingerprint, their_last_on, caseworker, recorded_at, reference, existing)
            SELECT ?1, ?2, epoch, fingerprint, ?5, caseworker, ?6, reference, ?7 FROM own_followup WHERE epoch = ?3 AND fingerprint = ?4
            """
        )
        absent = try RawStatement(db, "DELETE FROM overlap_presence WHERE origin = ?1 AND epoch = ?2 AND fingerprint = ?3")
        present.bind(1, origin)
        absent.bind(1, origin)
        record.bind(1, origin)
        record.bind(2, dispositif.rawValue)
        record.bind(6, Int64(now.timeIntervalSince1970))
        record.bind(7, existing ? 1 : 0)
    }

    /// The origin holds `fingerprint` (of `epoch`) with its last follow-up on `lastOn`
    /// (days since 1970): an overlap event when it is one of our people not yet present there.
    func upserted(_ fingerprint: Fingerprint, epoch: Int64, lastOn: Int64) throws {
        // Most changes are not of our people: no lookup when the index says so, else one read-only lookup.
        if let ownSet, !ownSet.mayHold(fingerprint, epoch: epoch) { return }
        own.bind(1, epoch)
        own.bind(2, fingerprint)
        var ours = false
        try own.query { _ in ours = true }
        guard ours else { return }
        present.bind(2, epoch)
        present.bind(3, fingerprint)
        try present.run()
        guard present.changes > 0 else { return }
        record.bind(3, epoch)
        record.bind(4, fingerprint)
        record.bind(5, lastOn)
        try record.run()
        events += 1
    }

    /// The origin retracted `fingerprint` (of `epoch`): if it comes back, that is an overlap again.
    func retracted(_ fingerprint: Fingerprint, epoch: Int64) throws {
        absent.bind(2, epoch)
        absent.bind(3, fingerprint)
        try absent.run()
    }

    /// After a resend of `origin` reached its end: forgets presence of people it no longer holds.
    static func prunePresence(_ db: Database, origin: String) throws {
        try db.execute(
            literal: """
                DELETE FROM overlap_presence WHERE origin = \(origin) AND NOT EXISTS (SELECT 1 FROM replica r
                WHERE r.fingerprint = overlap_presence.fingerprint AND r.origin = overlap_presence.origin AND r.epoch = overlap_presence.epoch)
                """
        )
    }

    /// Retention: forgets presence of the replica entries about to be dropped (last follow-up before `cutoff`).
    static func forgetPresence(_ db: Database, lastOnBefore cutoff: Int64) throws {
        try db.execute(
            literal: """
                DELETE FROM overlap_presence WHERE EXISTS (SELECT 1 FROM replica r WHERE r.last_on < \(cutoff)
                AND r.fingerprint = overlap_presence.fingerprint AND r.origin = overlap_presence.origin AND r.epoch = overlap_presence.epoch)
                """
        )
    }

    /// A retired epoch: forgets its presence.
    static func forgetPresence(_ db: Database, epoch: Int64) throws {
        try db.execute(literal: "DELETE FROM overlap_presence WHERE epoch = \(epoch)")
    }
}
