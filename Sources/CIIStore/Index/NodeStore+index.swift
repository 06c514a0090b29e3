public import CIICore
import Foundation
import GRDB

extension NodeStore {
    /// Builds the in-memory index of the replica and the own set (``replicaIndex``) from the
    /// database, and from then on keeps it in step with every write of this store. Holds the
    /// database's writer while it reads, so no write falls between the read and the index;
    /// checks keep reading the previous index, or SQLite, meanwhile.
    /// - Throws: ``StoreError`` when the database cannot be read or holds more than 65,535
    ///   origin and dispositif pairs (checks then keep reading SQLite).
    @discardableResult
    public func loadReplicaIndex() throws(StoreError) -> ReplicaIndexLoad {
        let started = ContinuousClock.now
        let index = replicaIndex
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.deferred) {
                    var builder = ReplicaIndexBuilder()
                    try Self.scanReplica(db) { builder.add($0) }
                    guard !builder.overflow else {
                        throw StoreError(.refused, "the replica holds more than 65,535 origin and dispositif pairs: checks read the database")
                    }
                    index.install(builder.snapshot(own: try Self.ownKeys(db), marker: try Self.ownSetMarker(db)))
                    return .commit
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.readFailed, "cannot build the in-memory index of the replica: \(error)")
        }
        let elapsed = started.duration(to: .now).components
        return ReplicaIndexLoad(
            entries: index.entryCount,
            ownFollowUps: index.ownCount,
            bytes: index.memoryBytes,
            seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        )
    }

    /// Reloads the own set into the index (and drops the epochs retired meanwhile) when another
    /// process imported or retired an epoch since the index last read them; cheap otherwise (one
    /// small read). Called every 250 ms by `ciid serve`'s writer while idle, which keeps the
    /// guarantee of the SQLite reader: an import run beside `ciid serve` shows in checks within
    /// a quarter of a second.
    /// - Returns: whether the index changed.
    @discardableResult
    public func refreshReplicaIndex() throws(StoreError) -> Bool {
        guard let snapshot = replicaIndex.snapshot else { return false }
        let marker = try read { db in try Self.ownSetMarker(db) }
        guard marker != snapshot.marker else { return false }
        pool.writeWithoutTransaction { db in reloadOwnSet(db) }
        return true
    }

    /// After a commit that changed the own set or retired an epoch: the own set and the
    /// retired epochs read again (the own set is small beside the replica). Unloads the index
    /// when the read fails: checks then read SQLite.
    func reloadOwnSet(_ db: Database) {
        guard replicaIndex.isLoaded else { return }
        do {
            let retired = Set(try Int64.fetchAll(db, sql: "SELECT epoch FROM retired_epoch"))
            replicaIndex.replaceOwn(try Self.ownKeys(db), marker: try Self.ownSetMarker(db), retired: retired)
        } catch {
            replicaIndex.unload()
        }
    }

    /// The own set's keys per epoch, sorted.
    static func ownKeys(_ db: Database) throws -> [UInt32: [IndexKey]] {
        var own: [UInt32: [IndexKey]] = [:]
        try RawStatement(db, "SELECT epoch, fingerprint FROM own_followup").query { row in
            guard let fingerprint = row.fingerprint(1) else { throw StoreError(.corrupt, "own_followup holds a row that is not a fingerprint") }
            own[UInt32(truncatingIfNeeded: row.int64(0)), default: []].append(IndexKey(fingerprint))
        }
        for number in own.keys {
            own[number]?.sort()
        }
        return own
    }

    static func ownSetMarker(_ db: Database) throws -> OwnSetMarker {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT coalesce(max(id), 0) FROM import_run), (SELECT count(*) FROM retired_epoch),
                    (SELECT coalesce(max(epoch), 0) FROM retired_epoch)
                    """
            )
        else { return OwnSetMarker(lastImport: 0, retiredCount: 0, newestRetired: 0) }
        return OwnSetMarker(lastImport: row[0], retiredCount: row[1], newestRetired: row[2])
    }
}
