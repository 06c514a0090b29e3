public import CIICore
import GRDBSQLite
import Synchronization

/// Reads the replica for the alert check: the hot path of every node.
///
/// GRDB's convenience layer and a transaction per lookup each cost microseconds
/// (see docs/benchmarks.md), so the check reads through plain SQLite connections of its own,
/// each with one prepared statement, memory-mapped I/O, and a read transaction held open
/// between lookups. A connection takes a fresh snapshot when this process has committed a
/// write since (``WriteGeneration``), and at least every `maximumStaleness` for writes by
/// other processes (a `ciid import` run beside `ciid serve`); holding it no longer keeps WAL
/// checkpoints running.
public final class ReplicaReader: Sendable {
    private let path: String
    private let generation: WriteGeneration
    private let maximumStalenessNanoseconds: UInt64
    private let idle = Mutex<[ReaderConnection]>([])
    /// The store's in-memory index, which checks read instead once it is loaded.
    public let index: ReplicaIndex?

    /// Creates a reader of the database at `path`.
    /// - Parameters:
    ///   - path: the node database.
    ///   - generation: the write counter of the process's ``NodeStore``.
    ///   - maximumStaleness: how old a snapshot may get before it is refreshed, in milliseconds.
    ///   - index: the in-memory index to read instead of the database once it is loaded.
    public init(path: String, generation: WriteGeneration, maximumStalenessMilliseconds: UInt64 = 250, index: ReplicaIndex? = nil) {
        self.index = index
        self.path = path
        self.generation = generation
        self.maximumStalenessNanoseconds = maximumStalenessMilliseconds * 1_000_000
    }

    /// Creates a reader of `store` (and of its in-memory index, once loaded).
    public convenience init(store: NodeStore) {
        self.init(path: store.path, generation: store.generation, index: store.replicaIndex)
    }

    /// Calls `body` for every row of the replica and of the own set that holds `fingerprint`:
    /// the origin node (`nil` for the own set), its dispositif code, and the last follow-up day.
    public func lookup(
        _ fingerprint: Fingerprint,
        epoch: Epoch,
        _ body: (_ origin: String?, _ dispositif: String?, _ lastOn: Day) -> Void
    ) throws(StoreError) {
        let connection = try takeConnection()
        defer { idle.withLock { $0.append(connection) } }
        try connection.refreshIfNeeded(generation: generation.current, maximumStaleness: maximumStalenessNanoseconds)
        try connection.lookup(fingerprint, epoch: epoch, body)
    }

    private func takeConnection() throws(StoreError) -> ReaderConnection {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        return try ReaderConnection(path: path)
    }
}
