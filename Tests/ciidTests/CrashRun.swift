import CIICore
import CIIStore
import Curl
import Foundation

/// The settings of a crash run: how many kill cycles (`CIID_KILL_CYCLES`, 5 by default; `make soak`
/// runs 100) and the seed of its random kill points (`CIID_KILL_SEED`, random by default, always
/// printed so that a failing run can be repeated).
enum CrashRun {
    static var cycles: Int { Int(ProcessInfo.processInfo.environment["CIID_KILL_CYCLES"] ?? "") ?? 5 }

    static var seed: UInt64 { UInt64(ProcessInfo.processInfo.environment["CIID_KILL_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max) }

    /// A set as the crash tests compare it: one line per entry, `fingerprint epoch start last`,
    /// sorted; an entry held twice would show as a repeated line.
    static func lines(_ followUps: [OwnFollowUp]) -> [String] {
        followUps.map { "\($0.fingerprint.hex) \($0.epoch.number) \($0.startedOn.swiss) \($0.lastOn.swiss)" }.sorted()
    }

    /// What a clean import of `FederationHarness.csv(range, last:)` leaves as the own set, under `key`.
    static func reference(_ range: ClosedRange<UInt64>, last: Day, key: FingerprintKey) -> [String] {
        let fingerprinter = Fingerprinter(key: key)
        return range.map { "\(fingerprinter.fingerprint(FederationHarness.avs($0)).hex) \(key.epoch.number) 01.01.2024 \(last.swiss)" }.sorted()
    }
}

/// A seeded generator (SplitMix64): the same seed gives the same kill points.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension FederationHarness {
    /// Waits until node `id`'s public port answers `/healthz`.
    func waitUntilServing(_ id: String, within seconds: Double = 30) throws {
        let url = try self.url(id) + "/healthz"
        let ca = try caFile(id)
        let up = eventually(within: seconds) { (try? Curl.perform(HTTPRequest(url: url, caFile: ca, timeoutSeconds: 2)))?.status == 200 }
        guard up else { throw HarnessError("\(id) does not answer /healthz: \(log(id).suffix(1500))") }
    }

    /// Kills node `id`'s `ciid serve` with SIGKILL and starts it again (a crash and a restart).
    func crashAndRestart(_ id: String) throws {
        stop(id, signal: SIGKILL)
        try start(id)
    }

    /// Both directions between dispositif nodes `a` and `b` hold everything the other published:
    /// checkpoints at the origin's last sequence and digests equal.
    func converged(_ a: String, _ b: String) throws -> Bool {
        let since = Day(daysSince1970: 0)
        for (holder, origin) in [(a, b), (b, a)] {
            let own = try store(origin).ownDigest(since: since)
            let held = try store(holder).replicaDigest(of: origin, since: since)
            guard held.sequence == own.sequence, held.digest == own.digest else { return false }
        }
        return true
    }
}
