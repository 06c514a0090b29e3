import CIICore
import CIIRegistry
import CIIRegistrySQLite
import CIIReport
import CIIStore
import CIISynthetic
import Foundation

/// A coordinator's registry and replica in a temporary folder: synthetic situations announced in
/// 2023 (a few cancelled), trainings of 2022 to 2024, and a replica of generated people under two
/// epochs. The test computes what the report should say from these generated values itself.
struct ReportFixture {
    static let year = 2023
    static let today = Day(year: 2024, month: 2, day: 15)!
    static let bureau = RegistryActor(accountID: "bureau-test", role: .bureau)
    /// The indexes of the synthetic cases cancelled.
    static let cancelled: Set<Int> = [0, 7, 19, 101]

    let folder: String
    let store: SQLiteRegistryStore
    let service: RegistryService
    let replica: NodeStore
    let synthetic: SyntheticRegistry
    let caseIDs: [Int64]
    let trainings: [Training]
    let people: [ReplicaPerson]

    /// A person of the replica: an entry per dispositif (`nil` origin: none), with its epoch and day.
    struct ReplicaPerson {
        var fingerprint: Fingerprint
        var entries: [(origin: String, dispositif: Dispositif, epoch: Epoch, lastOn: Day)]
    }

    init(cases: Int = 240) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteRegistryStore(path: "\(folder)/registry.sqlite", key: RegistryKey.generate())
        let noon = Date(timeIntervalSince1970: TimeInterval(Self.today.daysSince1970) * 86_400 + 43_200)
        service = RegistryService(store: store, now: { noon })
        synthetic = SyntheticRegistry(cases: cases, year: Self.year, today: Self.today, seed: 14)
        caseIDs = try await synthetic.bulkWrite(into: store)
        for index in Self.cancelled where index < caseIDs.count {
            let view = try await service.readCase(caseIDs[index], by: Self.bureau)
            _ = try await service.cancel(view.id, reason: "Doublon", ifMatch: view.etag, by: Self.bureau)
        }
        var trainings: [Training] = []
        for training in [
            Training(
                kind: .training,
                title: "Journée d'introduction",
                date: Day(year: 2023, month: 5, day: 10)!,
                region: .sion,
                language: .fr,
                participants: 55
            ),
            Training(
                kind: .training,
                title: "Einführungstag",
                date: Day(year: 2023, month: 6, day: 2)!,
                region: .hautValais,
                language: .de,
                participants: 12
            ),
            Training(
                kind: .regionalDay,
                title: "Journée régionale",
                date: Day(year: 2023, month: 9, day: 14)!,
                region: .monthey,
                language: .fr,
                participants: 70
            ),
            Training(
                kind: .regionalDay,
                title: "Regionaltag",
                date: Day(year: 2023, month: 11, day: 7)!,
                region: .hautValais,
                language: .de,
                participants: 60
            ),
            Training(
                kind: .training,
                title: "Formation 2022",
                date: Day(year: 2022, month: 3, day: 1)!,
                region: .martigny,
                language: .fr,
                participants: 30
            ),
            Training(
                kind: .training,
                title: "Formation 2024",
                date: Day(year: 2024, month: 1, day: 20)!,
                region: .sierre,
                language: .fr,
                participants: 9
            ),
        ] {
            trainings.append(try await service.saveTraining(training, by: Self.bureau))
        }
        self.trainings = trainings
        replica = try NodeStore(path: "\(folder)/node.sqlite")
        people = Self.replicaPeople()
        var entries: [ReplicaEntry] = []
        for person in people {
            for entry in person.entries {
                entries.append(
                    ReplicaEntry(
                        origin: try NodeID(entry.origin),
                        dispositif: entry.dispositif,
                        fingerprint: person.fingerprint,
                        epoch: entry.epoch,
                        lastOn: entry.lastOn
                    )
                )
            }
        }
        try replica.upsertReplica(entries)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// 600 people under epoch 2 (and some under epoch 1, which must not count): ORP and CMS often,
    /// OAI and OSP less, T1 rarely, OASI for three people only (under 5); ORP from two nodes.
    static func replicaPeople() -> [ReplicaPerson] {
        var random: UInt64 = 0x2023
        func next() -> UInt64 {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return random >> 33
        }
        let odds: [(Dispositif, UInt64)] = [(.orp, 45), (.cms, 35), (.oai, 20), (.osp, 15), (.t1, 4)]
        var people: [ReplicaPerson] = []
        for index in 0..<600 {
            var bytes = [UInt8](repeating: 0, count: 32)
            withUnsafeBytes(of: UInt64(index + 1).bigEndian) { bytes.replaceSubrange(0..<8, with: $0) }
            bytes[31] = 0x5A
            var entries: [(origin: String, dispositif: Dispositif, epoch: Epoch, lastOn: Day)] = []
            for (dispositif, percent) in odds where next() % 100 < percent {
                // From mid-2022 (before the year: not counted) to the report's day.
                let lastOn = Day(year: 2022, month: 6, day: 1)!.adding(days: Int(next() % 620))
                let origin = dispositif == .orp && index % 3 == 0 ? "orp-hv" : "\(dispositif.rawValue.lowercased())-vs"
                entries.append((origin, dispositif, Epoch(2)!, lastOn))
            }
            if index < 3 { entries.append(("oasi-vs", .oasi, Epoch(2)!, Day(year: 2023, month: 8, day: 1)!)) }
            if index % 10 == 0 { entries.append(("oai-old", .oai, Epoch.first, Day(year: 2023, month: 8, day: 1)!)) }
            people.append(ReplicaPerson(fingerprint: Fingerprint(bytes: bytes)!, entries: entries))
        }
        return people
    }
}
