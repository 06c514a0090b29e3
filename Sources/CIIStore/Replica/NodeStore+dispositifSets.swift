public import CIICore
import GRDB

extension NodeStore {
    /// The newest epoch the replica holds entries of, if any.
    public func newestReplicaEpoch() throws(StoreError) -> Epoch? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(epoch) FROM replica").flatMap { Epoch(UInt32($0)) } }
    }

    /// How many fingerprints of `epoch` the replica holds for each set of dispositifs, counting only
    /// the entries whose last follow-up is on or after `from`: for the annual report's simultaneous
    /// follow-up, which names nobody. Computed in SQL (a bit per dispositif, their union per
    /// fingerprint), so at most 63 lines come back, whatever the replica's size.
    public func dispositifSets(epoch: Epoch, lastOnFrom from: Day) throws(StoreError) -> [Set<Dispositif>: Int] {
        let bits = Dispositif.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \(1 << $0.offset)" }.joined(separator: " ")
        return try read { db in
            var result: [Set<Dispositif>: Int] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT mask, count(*) FROM (
                        SELECT fingerprint, sum(bit) AS mask FROM (
                            SELECT DISTINCT fingerprint, CASE dispositif \(bits) ELSE 0 END AS bit
                            FROM replica WHERE epoch = ? AND last_on >= ?
                        ) GROUP BY fingerprint
                    ) GROUP BY mask
                    """,
                arguments: [Int64(epoch.number), Int64(from.daysSince1970)]
            )
            for row in rows {
                let mask: Int64 = row[0]
                let set = Set(Dispositif.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
                guard !set.isEmpty else { continue }
                result[set, default: 0] += row[1] as Int
            }
            return result
        }
    }
}
