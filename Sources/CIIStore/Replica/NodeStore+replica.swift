public import CIICore
import GRDB

extension NodeStore {
    /// Inserts or refreshes replica entries in one transaction.
    public func upsertReplica(_ entries: [ReplicaEntry]) throws(StoreError) {
        try write(
            { db in
                let statement = try db.cachedStatement(
                    sql: """
                        INSERT INTO replica_entry (fingerprint, source, epoch, last_on) VALUES (?, ?, ?, ?)
                        ON CONFLICT (fingerprint, source) DO UPDATE SET epoch = excluded.epoch, last_on = excluded.last_on
                        """
                )
                var sources: [String: Int64] = [:]
                for entry in entries {
                    let source: Int64
                    if let known = sources[entry.origin.rawValue] {
                        source = known
                    } else {
                        source = try ReplicaWriter.source(db, origin: entry.origin.rawValue, dispositif: entry.dispositif)
                        sources[entry.origin.rawValue] = source
                    }
                    try statement.execute(arguments: [entry.fingerprint, source, Int64(entry.epoch.number), entry.lastOn])
                }
            },
            afterCommit: { _, _ in
                // In order, one run per origin and dispositif (the last change of a fingerprint wins).
                var start = entries.startIndex
                while start < entries.endIndex {
                    var end = start + 1
                    while end < entries.endIndex, entries[end].origin == entries[start].origin, entries[end].dispositif == entries[start].dispositif {
                        end += 1
                    }
                    self.replicaIndex.apply(
                        origin: entries[start].origin.rawValue,
                        code: entries[start].dispositif.rawValue,
                        entries[start..<end].map { ($0.fingerprint, $0.epoch.number, $0.lastOn.daysSince1970) },
                        retired: []
                    )
                    start = end
                }
            }
        )
    }

    /// Removes `fingerprints` of `origin` from the replica.
    public func retractReplica(origin: NodeID, fingerprints: [Fingerprint]) throws(StoreError) {
        try write(
            { db in
                let statement = try db.cachedStatement(
                    sql: "DELETE FROM replica_entry WHERE fingerprint = ? AND source = (SELECT id FROM replica_source WHERE origin = ?)"
                )
                for fingerprint in fingerprints { try statement.execute(arguments: [fingerprint, origin.rawValue]) }
            },
            afterCommit: { _, _ in self.replicaIndex.retract(origin: origin.rawValue, fingerprints) }
        )
    }

    /// Entries per origin.
    public func replicaCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts = [String: Int]()
            for row in try Row.fetchAll(db, sql: "SELECT origin, count(*) FROM replica GROUP BY origin") { counts[row[0]] = row[1] }
            return counts
        }
    }
}
