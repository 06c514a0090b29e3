import CIICore
import CIIFederation
import CIIStore
import Foundation
import Logging
import Testing

/// Issue 15: the retention sweep runs on the node's writer thread, not on a thread that answers HTTP.
@Suite struct MaintenanceTests {
    let folder = NSTemporaryDirectory() + "ciid-maintenance-" + UUID().uuidString
    let key = FingerprintKey.generate(epoch: .first)
    let today = Day(year: 2026, month: 11, day: 23)!

    func store(entries lastOn: [Day]) throws -> NodeStore {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try NodeStore(path: folder + "/node.sqlite")
        let fingerprinter = Fingerprinter(key: key)
        try store.upsertReplica(
            try lastOn.enumerated().map { index, day in
                ReplicaEntry(
                    origin: try NodeID("cms-vs"),
                    dispositif: .cms,
                    fingerprint: fingerprinter.fingerprint(AVSNumber(completing: 756_100_000_000 + UInt64(index))),
                    epoch: key.epoch,
                    lastOn: day
                )
            }
        )
        return store
    }

    @Test func theSweepRunsOnTheWriterAndStopsWithIt() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let old = today.adding(days: -2000)
        let store = try store(entries: [old, old, today])
        let writer = StoreWriter(name: "test-writer")
        func sweep(on writer: StoreWriter) -> Maintenance {
            Maintenance(store: store, writer: writer, window: .standard, tombstoneDays: 30, interval: .seconds(3600), logger: Logger(label: "test"))
        }
        // A writer that has stopped refuses the round: the sweep went through it, not around it.
        let stopped = StoreWriter(name: "test-stopped")
        await stopped.shutdown()
        let refused = sweep(on: stopped)
        await refused.round()
        #expect(try store.replicaCounts()["cms-vs"] == 3)
        await sweep(on: writer).round()
        #expect(try store.replicaCounts()["cms-vs"] == 1)
        await writer.shutdown()
    }
}
