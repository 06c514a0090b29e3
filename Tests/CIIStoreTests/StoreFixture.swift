import CIICore
import CIIStore
import Foundation

/// A node database in a fresh temporary folder, removed when the fixture goes away.
final class StoreFixture {
    let folder: String
    let store: NodeStore
    let key = FingerprintKey.generate(epoch: .first)
    lazy var fingerprinter = Fingerprinter(key: key)

    init() throws {
        folder = NSTemporaryDirectory() + "ciid-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try NodeStore(path: folder + "/node.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func avs(_ index: UInt64) -> AVSNumber { AVSNumber(completing: 756_100_000_000 + index) }

    func followUp(_ index: UInt64, last: Day, start: Day? = nil, caseworker: String? = nil, reference: String? = nil) -> OwnFollowUp {
        OwnFollowUp(
            fingerprint: fingerprinter.fingerprint(avs(index)),
            epoch: key.epoch,
            startedOn: start ?? last.adding(days: -30),
            lastOn: last,
            caseworker: caseworker,
            reference: reference
        )
    }

    func entry(_ index: UInt64, origin: String, _ dispositif: Dispositif, last: Day) throws -> ReplicaEntry {
        ReplicaEntry(
            origin: try NodeID(origin),
            dispositif: dispositif,
            fingerprint: fingerprinter.fingerprint(avs(index)),
            epoch: key.epoch,
            lastOn: last
        )
    }

    func record(_ rows: Int) -> ImportRecord { ImportRecord(source: "test.csv", rowsRead: rows, rowsRejected: 0) }
}

let today = Day(year: 2026, month: 11, day: 23)!
