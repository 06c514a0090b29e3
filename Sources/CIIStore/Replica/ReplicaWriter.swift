import CIICore
import GRDB

/// Writes one origin's changes into the replica, with prepared statements (the batch's hot loop),
/// and hands each change to the ``OverlapRule``.
final class ReplicaWriter {
    private let upsert: RawStatement
    private let retract: RawStatement
    private let overlaps: OverlapRule
    /// The retired epochs, whose changes are skipped.
    let retired: Set<Int64>
    private(set) var upserted = 0
    private(set) var retracted = 0

    init(_ db: Database, origin: String, dispositif: Dispositif, overlaps: OverlapRule) throws {
        let source = try Self.source(db, origin: origin, dispositif: dispositif)
        upsert = try RawStatement(
            db,
            """
            INSERT INTO replica_entry (fingerprint, source, epoch, last_on) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (fingerprint, source) DO UPDATE SET epoch = excluded.epoch, last_on = excluded.last_on
            """
        )
        retract = try RawStatement(db, "DELETE FROM replica_entry WHERE fingerprint = ?1 AND source = ?2")
        self.overlaps = overlaps
        retired = Set(try Int64.fetchAll(db, sql: "SELECT epoch FROM retired_epoch"))
        upsert.bind(2, source)
        retract.bind(2, source)
    }

    /// The `replica_source` id of `origin`, made on its first batch; its dispositif is kept
    /// current (it is per origin, not per row).
    static func source(_ db: Database, origin: String, dispositif: Dispositif) throws -> Int64 {
        try db.execute(
            literal: """
                INSERT INTO replica_source (origin, dispositif) VALUES (\(origin), \(dispositif.rawValue))
                ON CONFLICT (origin) DO UPDATE SET dispositif = excluded.dispositif WHERE dispositif != excluded.dispositif
                """
        )
        guard let id = try SQLRequest<Int64>(literal: "SELECT id FROM replica_source WHERE origin = \(origin)").fetchOne(db) else {
            throw StoreError(.writeFailed, "the replica has no source row for \(origin) right after writing it")
        }
        return id
    }

    /// Applies `changes` in key order (stable: two changes of one fingerprint keep their order),
    /// so that the WITHOUT ROWID replica is written page after page instead of at random. Changes
    /// of a retired epoch are skipped: the origin sent them before it learnt of the retirement.
    func apply(_ changes: [ReplicaChange]) throws {
        let ordered = changes.indices.sorted { (changes[$0].fingerprint, $0) < (changes[$1].fingerprint, $1) }
        for change in ordered.lazy.map({ changes[$0] }) {
            let epoch = Int64(change.epoch.number)
            if !retired.isEmpty, retired.contains(epoch) { continue }
            guard let lastOn = change.lastOn else {
                retract.bind(1, change.fingerprint)
                try retract.run()
                try overlaps.retracted(change.fingerprint, epoch: epoch)
                retracted += 1
                continue
            }
            let last = Int64(lastOn.daysSince1970)
            upsert.bind(1, change.fingerprint)
            upsert.bind(3, epoch)
            upsert.bind(4, last)
            try upsert.run()
            try overlaps.upserted(change.fingerprint, epoch: epoch, lastOn: last)
            upserted += 1
        }
    }
}
