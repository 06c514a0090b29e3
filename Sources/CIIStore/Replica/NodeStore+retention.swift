import GRDB

extension NodeStore {
    /// Drops replica entries whose last follow-up is before `cutoff` (days since 1970), whatever
    /// their origin did, with the overlap presence they held: a person followed there again later
    /// is an overlap again.
    /// - Returns: how many were dropped.
    @discardableResult
    public func dropReplicaEntries(before cutoff: Int32) throws(StoreError) -> Int {
        try write(
            { db -> Int in
                try OverlapRule.forgetPresence(db, lastOnBefore: Int64(cutoff))
                try db.execute(literal: "DELETE FROM replica_entry WHERE last_on < \(Int64(cutoff))")
                return db.changesCount
            },
            afterCommit: { _, dropped in if dropped > 0 { self.replicaIndex.dropEntries(before: cutoff) } }
        )
    }
}
