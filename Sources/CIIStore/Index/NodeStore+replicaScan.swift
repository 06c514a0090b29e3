import CIICore
import GRDB

extension NodeStore {
    /// Calls `body` for every entry of the replica, in the table's order (fingerprint, then
    /// origin). The one place that reads the replica's rows for the in-memory index: a change of
    /// the replica's columns is adapted here.
    static func scanReplica(_ db: Database, _ body: (ReplicaScanRow) throws -> Void) throws {
        let statement = try RawStatement(db, "SELECT fingerprint, origin, dispositif, epoch, last_on FROM replica")
        try statement.query { row in
            guard let fingerprint = row.fingerprint(0), let origin = row.text(1), let dispositif = row.text(2) else {
                throw StoreError(
                    .corrupt,
                    "the replica holds a row that is not a fingerprint of an origin: the node database is damaged: restore it from a backup"
                )
            }
            try body(
                ReplicaScanRow(
                    fingerprint: fingerprint,
                    origin: origin,
                    dispositif: dispositif,
                    epoch: UInt32(truncatingIfNeeded: row.int64(3)),
                    lastOn: Int32(truncatingIfNeeded: row.int64(4))
                )
            )
        }
    }
}
