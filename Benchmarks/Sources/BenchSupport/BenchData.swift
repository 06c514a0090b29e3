import CIICore
import CIIStore
import Foundation

/// Synthetic people, replicas and exports for the benchmarks: the same inputs on every run.
///
/// Person `i` has the AVS number `756.0000.0000.0` + `i` with its check digit. A replica of `n`
/// entries holds persons `0..<n`, one row each, spread over the five other dispositifs' nodes,
/// with a last follow-up 0 to 1,199 days before the day it was built (so about 9 % fall outside
/// the three-year window). Checks draw persons from `0..<2n`: about half of them hit.
public enum BenchData {
    /// The node that asks in the benchmarks (no replica row comes from it).
    public static let asking = try! NodeID("orp-vs")

    /// The nodes the replica rows come from.
    public static let origins: [(node: NodeID, dispositif: Dispositif)] = [
        (try! NodeID("cms-vs"), .cms), (try! NodeID("oai-vs"), .oai), (try! NodeID("osp-vs"), .osp),
        (try! NodeID("oasi-vs"), .oasi), (try! NodeID("t1-vs"), .t1),
    ]

    /// Rows written per transaction when filling a replica.
    public static let chunk = 50_000

    /// `Benchmarks/.data` (git-ignored), or `$CIID_BENCH_DATA`.
    public static var folder: String {
        if let path = ProcessInfo.processInfo.environment["CIID_BENCH_DATA"], !path.isEmpty { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".data").path
    }

    /// The AVS number of person `index`.
    public static func avs(_ index: Int) -> AVSNumber { AVSNumber(completing: 756_000_000_000 + UInt64(index)) }

    /// The replica row of person `index`, as built on `day`.
    public static func entry(_ index: Int, fingerprinter: Fingerprinter, day: Day) -> ReplicaEntry {
        let origin = origins[index % origins.count]
        return ReplicaEntry(
            origin: origin.node, dispositif: origin.dispositif, fingerprint: fingerprinter.fingerprint(avs(index)),
            epoch: fingerprinter.epoch, lastOn: day.adding(days: -((index &* 7919) % 1200)))
    }

    /// Writes persons `0..<count` to `store`'s replica in fingerprint order (as a full sync from a
    /// peer would arrive, and compact: a replica grown by random inserts takes about 25 % more
    /// disk), `chunk` rows per transaction.
    public static func fill(_ store: NodeStore, count: Int, fingerprinter: Fingerprinter, day: Day) throws {
        let entries = (0..<count).map { entry($0, fingerprinter: fingerprinter, day: day) }.sorted { byteOrder($0.fingerprint, $1.fingerprint) }
        var start = 0
        while start < count {
            let end = min(start + chunk, count)
            try store.upsertReplica(Array(entries[start..<end]))
            start = end
        }
    }

    /// Orders fingerprints as SQLite orders their blobs (memcmp), without allocating.
    static func byteOrder(_ a: Fingerprint, _ b: Fingerprint) -> Bool {
        let x = (a.words.0.bigEndian, a.words.1.bigEndian, a.words.2.bigEndian, a.words.3.bigEndian)
        let y = (b.words.0.bigEndian, b.words.1.bigEndian, b.words.2.bigEndian, b.words.3.bigEndian)
        return x < y
    }

    /// `count` persons to check, drawn from `0..<2 * replicaSize` (about half are in the replica).
    public static func checkedNumbers(_ count: Int, replicaSize: Int, seed: UInt64 = 42) -> [AVSNumber] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in avs(Int(random.next() % UInt64(2 * replicaSize))) }
    }

    /// A new empty temporary folder.
    public static func temporaryFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ciid-bench-\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Removes a folder made by ``temporaryFolder(_:)``.
    public static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}

/// A cached replica of `count` entries in `Benchmarks/.data/replica-COUNT/`, laid out as a node's
/// data folder (`node.sqlite`, `keys/federation.json`), built once and reused by later runs.
public struct CachedReplica: Sendable {
    /// The node folder.
    public let directory: NodeDirectory
    /// The federation key the fingerprints were made with.
    public let key: FingerprintKey
    /// The day the replica was built (its "today", so that the window keeps the same rows).
    public let day: Day
    /// Number of entries.
    public let count: Int

    /// Opens the cached replica of `count` entries, building it first when missing or made before
    /// issue 15 (32-byte fingerprints): the benchmarks measure the current format.
    public init(count: Int) throws {
        let directory = NodeDirectory(root: "\(BenchData.folder)/replica-\(count)")
        let marker = "\(directory.root)/complete"
        if let text = try? String(contentsOfFile: marker, encoding: .utf8), let days = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let key = try FederationKeyStore(directory: directory).keys().first, key.width == FingerprintKey.currentWidth
        {
            self.init(directory: directory, key: key, day: Day(daysSince1970: days), count: count)
            return
        }
        BenchData.remove(directory.root)
        try SecureFile.makeDirectory(directory.keys)
        let key = FingerprintKey.generate(epoch: .first)
        try FederationKeyStore(directory: directory).add(key)
        let day = Day.today()
        let started = ContinuousClock.now
        do {
            let store = try NodeStore(path: directory.database)
            try BenchData.fill(store, count: count, fingerprinter: Fingerprinter(key: key), day: day)
        }
        try "\(day.daysSince1970)\n".write(toFile: marker, atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data("built \(directory.database) (\(count) entries) in \(ContinuousClock.now - started)\n".utf8))
        self.init(directory: directory, key: key, day: day, count: count)
    }

    private init(directory: NodeDirectory, key: FingerprintKey, day: Day, count: Int) {
        self.directory = directory
        self.key = key
        self.day = day
        self.count = count
    }

    /// Size of `node.sqlite` in bytes.
    public var fileSize: Int {
        ((try? FileManager.default.attributesOfItem(atPath: directory.database))?[.size] as? Int) ?? 0
    }
}

/// Resident memory of this process, from `/proc/self/status`.
public enum ResidentMemory {
    /// `VmRSS` (now) and `VmHWM` (peak) in bytes; 0 when unknown.
    public static func current() -> (resident: Int, peak: Int) {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func field(_ name: String) -> Int {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
        }
        return (field("VmRSS"), field("VmHWM"))
    }
}

/// A small seeded generator, so that every run checks the same people.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Starts from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
