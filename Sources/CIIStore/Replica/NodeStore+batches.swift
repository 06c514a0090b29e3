public import CIICore
public import Foundation
import GRDB

/// One change of a peer's set as the store applies it (the federation's `Change`, without wire concerns).
public struct ReplicaChange: Sendable, Hashable {
    /// The fingerprint.
    public var fingerprint: Fingerprint
    /// Its epoch.
    public var epoch: Epoch
    /// The last follow-up day for an upsert; nil for a retraction.
    public var lastOn: Day?

    /// Creates a change: an upsert when `lastOn` is set, a retraction otherwise.
    public init(fingerprint: Fingerprint, epoch: Epoch, lastOn: Day?) {
        self.fingerprint = fingerprint
        self.epoch = epoch
        self.lastOn = lastOn
    }
}

extension NodeStore {
    /// Applies a run of `origin`'s changes in one transaction, on top of the checkpoint it names.
    ///
    /// - A batch whose `through` the replica already holds changes nothing (`alreadyApplied`).
    /// - A batch whose `after` is not the replica's checkpoint for `origin` is refused (`gap`).
    /// - A `reset` batch (a full resend from sequence 0) first drops everything held of `origin`.
    /// - Otherwise every change is applied, the checkpoint moves to `through`, and an overlap
    ///   event is recorded for each upsert that adds or refreshes a person of the node's own set,
    ///   with the caseworker and dossier reference the import named for that person.
    /// - Changes of a retired epoch (see ``dropEpoch(_:now:)``) are skipped: the origin sent them
    ///   before it learnt of the retirement.
    public func applyBatch(
        origin: NodeID,
        dispositif: Dispositif,
        after: Int64,
        through: Int64,
        changes: [ReplicaChange],
        reset: Bool = false,
        now: Date = Date()
    ) throws(StoreError) -> BatchOutcome {
        try write { db in
            var checkpoint =
                try Int64.fetchOne(db, sql: "SELECT sequence FROM replica_checkpoint WHERE origin = ?", arguments: [origin.rawValue]) ?? 0
            if reset, after == 0 {
                try db.execute(sql: "DELETE FROM replica WHERE origin = ?", arguments: [origin.rawValue])
                checkpoint = 0
            }
            if through <= checkpoint, after <= checkpoint { return .alreadyApplied(checkpoint: checkpoint) }
            guard after == checkpoint else { return .gap(expected: checkpoint) }

            let previous = try RawStatement(db, "SELECT last_on FROM replica WHERE fingerprint = ?1 AND origin = ?2")
            let upsert = try RawStatement(
                db,
                """
                INSERT INTO replica (fingerprint, origin, dispositif, epoch, last_on) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (fingerprint, origin) DO UPDATE SET dispositif = excluded.dispositif, epoch = excluded.epoch,
                last_on = excluded.last_on
                """
            )
            let retract = try RawStatement(db, "DELETE FROM replica WHERE fingerprint = ?1 AND origin = ?2")
            let own = try RawStatement(db, "SELECT caseworker, reference FROM own_followup WHERE epoch = ?1 AND fingerprint = ?2")
            let overlap = try RawStatement(
                db,
                """
                INSERT INTO overlap_event (origin, dispositif, epoch, fingerprint, their_last_on, caseworker, recorded_at, reference)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """
            )
            let retired = Set(try Int64.fetchAll(db, sql: "SELECT epoch FROM retired_epoch"))
            let recordedAt = Int64(now.timeIntervalSince1970)
            for statement in [previous, upsert, retract] { statement.bind(2, origin.rawValue) }
            upsert.bind(3, dispositif.rawValue)
            overlap.bind(1, origin.rawValue)
            overlap.bind(2, dispositif.rawValue)
            overlap.bind(7, recordedAt)
            var upserted = 0
            var retracted = 0
            var overlaps = 0
            // In key order (stable: two changes of one fingerprint keep their order), so that the
            // WITHOUT ROWID replica is written page after page instead of at random.
            let ordered = changes.indices.sorted { (changes[$0].fingerprint, $0) < (changes[$1].fingerprint, $1) }
            for change in ordered.lazy.map({ changes[$0] }) where retired.isEmpty || !retired.contains(Int64(change.epoch.number)) {
                guard let lastOn = change.lastOn else {
                    retract.bind(1, change.fingerprint)
                    try retract.run()
                    retracted += 1
                    continue
                }
                previous.bind(1, change.fingerprint)
                var before: Int64?
                try previous.query { before = $0.int64(0) }
                let epoch = Int64(change.epoch.number)
                let last = Int64(lastOn.daysSince1970)
                upsert.bind(1, change.fingerprint)
                upsert.bind(4, epoch)
                upsert.bind(5, last)
                try upsert.run()
                upserted += 1
                guard before == nil || before! < last else { continue }
                own.bind(1, epoch)
                own.bind(2, change.fingerprint)
                var found = false
                var caseworker: String?
                var reference: String?
                try own.query { row in
                    found = true
                    caseworker = row.text(0)
                    reference = row.text(1)
                }
                guard found else { continue }
                overlap.bind(3, epoch)
                overlap.bind(4, change.fingerprint)
                overlap.bind(5, last)
                overlap.bind(6, caseworker)
                overlap.bind(8, reference)
                try overlap.run()
                overlaps += 1
            }
            try db.execute(
                sql: """
                    INSERT INTO replica_checkpoint (origin, dispositif, sequence, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (origin) DO UPDATE SET dispositif = excluded.dispositif, sequence = excluded.sequence,
                    updated_at = excluded.updated_at
                    """,
                arguments: [origin.rawValue, dispositif.rawValue, through, recordedAt]
            )
            return .applied(checkpoint: through, upserted: upserted, retracted: retracted, overlaps: overlaps)
        }
    }

    /// The replica's checkpoint for `origin` (0 when nothing was received).
    public func checkpoint(of origin: NodeID) throws(StoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT sequence FROM replica_checkpoint WHERE origin = ?", arguments: [origin.rawValue]) ?? 0 }
    }
}

/// What the publisher knows of one peer.
public struct PeerDelivery: Sendable, Hashable {
    /// The peer.
    public var peer: String
    /// The last sequence the peer acknowledged.
    public var acknowledged: Int64
    /// The last sequence sent to the peer (acknowledged or not).
    public var sent: Int64
    /// Last attempt, success (Unix seconds) and error.
    public var lastAttempt: Int64?
    /// The last success.
    public var lastSuccess: Int64?
    /// The last error, if the last attempt failed.
    public var lastError: String?
    /// Consecutive failures.
    public var failures: Int
}

extension NodeStore {
    /// The delivery state of every peer the publisher has tried.
    public func deliveries() throws(StoreError) -> [PeerDelivery] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT peer, acknowledged, sent, last_attempt, last_success, last_error, failures FROM peer_delivery ORDER BY peer"
            )
            .map {
                PeerDelivery(
                    peer: $0[0],
                    acknowledged: $0[1],
                    sent: $0[2],
                    lastAttempt: $0[3],
                    lastSuccess: $0[4],
                    lastError: $0[5],
                    failures: $0[6]
                )
            }
        }
    }

    /// Records a delivery attempt to `peer`: what was sent, its acknowledged sequence on success, the error otherwise.
    public func recordDelivery(peer: NodeID, sent: Int64? = nil, acknowledged: Int64?, error: String?, now: Date = Date()) throws(StoreError) {
        let at = Int64(now.timeIntervalSince1970)
        try write { db in
            try db.execute(sql: "INSERT INTO peer_delivery (peer) VALUES (?) ON CONFLICT (peer) DO NOTHING", arguments: [peer.rawValue])
            if let sent { try db.execute(sql: "UPDATE peer_delivery SET sent = max(sent, ?) WHERE peer = ?", arguments: [sent, peer.rawValue]) }
            if let acknowledged, error == nil {
                try db.execute(
                    sql:
                        "UPDATE peer_delivery SET acknowledged = ?, last_attempt = ?, last_success = ?, last_error = NULL, failures = 0 WHERE peer = ?",
                    arguments: [acknowledged, at, at, peer.rawValue]
                )
            } else {
                try db.execute(
                    sql:
                        "UPDATE peer_delivery SET acknowledged = coalesce(?, acknowledged), last_attempt = ?, last_error = ?, failures = failures + 1 WHERE peer = ?",
                    arguments: [acknowledged, at, error, peer.rawValue]
                )
            }
        }
    }
}
