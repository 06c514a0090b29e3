import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import CIIServer
import CIIStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// "Known elsewhere" (issue 13): creating or opening a case shows which dispositifs know the
/// person, read from the coordinator's replica by the dispositifs' own check, with the
/// directory's CII respondents to contact there.
@Suite struct RegistryKnownElsewhereTests {
    static let today = Day(year: 2026, month: 11, day: 23)!

    /// The lookup on a real replica: the other dispositifs inside the window, not the coordinator's
    /// own rows nor a follow-up older than the window; no key is an error, not an empty answer.
    @Test func theLookupReadsTheReplicaByTheChecksRule() async throws {
        let folder = NSTemporaryDirectory() + "ciid-known-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try NodeStore(path: folder + "/node.sqlite")
        let key = FingerprintKey.generate(epoch: .first)
        let person = AVSNumber(completing: 756_300_000_007)
        let print = Fingerprinter(key: key).fingerprint(person)
        func entry(_ origin: String, _ dispositif: Dispositif, _ last: Day) throws -> ReplicaEntry {
            ReplicaEntry(origin: try NodeID(origin), dispositif: dispositif, fingerprint: print, epoch: .first, lastOn: last)
        }
        try store.upsertReplica([
            try entry("oai-vs", .oai, Day(year: 2026, month: 2, day: 1)!),
            try entry("cms-vs", .cms, Day(year: 2025, month: 4, day: 17)!),
            try entry("t1-vs", .t1, Day(year: 2023, month: 11, day: 22)!),  // a day older than the window
        ])
        let coordinator = try NodeID("cii-vs")
        let lookup = ReplicaKnownElsewhere(
            checker: AlertChecker(node: coordinator, keys: [key], window: .standard, reader: ReplicaReader(store: store)),
            logger: Logger(label: "test")
        )
        let known = try await lookup.dispositifs(knowing: person, today: Self.today)
        #expect(known.map(\.dispositif) == [.cms, .oai])
        #expect(known.map(\.node) == ["cms-vs", "oai-vs"])
        #expect(known.map { $0.lastFollowUp?.iso } == ["2025-04-17", "2026-02-01"])
        #expect(try await lookup.dispositifs(knowing: AVSNumber(completing: 756_300_000_008), today: Self.today).isEmpty)

        let keyless = ReplicaKnownElsewhere(
            checker: AlertChecker(node: coordinator, keys: [], window: .standard, reader: ReplicaReader(store: store)),
            logger: Logger(label: "test")
        )
        await #expect(throws: StoreError.self) { try await keyless.dispositifs(knowing: person, today: Self.today) }
    }

    /// Through the API: the case created for a person CMS follows names CMS with its last
    /// follow-up and its respondent; reading it again does too, for a respondent as for the bureau;
    /// a person nobody else knows gets an empty list; the audit entries count the dispositifs.
    @Test func createdAndOpenedCasesNameTheDispositifsThatKnowThePerson() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        var service = fixture.service
        service.knownElsewhereLookup = ReplicaKnownElsewhere(checker: fixture.server.checker, logger: Logger(label: "test"))
        var server = fixture.server
        server.registry = service
        let bureau = try fixture.signIn(.bureau)
        let alice = try fixture.signIn(.respondent, collaborator: fixture.alice)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        @Sendable func body(_ avs: AVSNumber) -> String {
            """
            {"person": {"avs": "\(avs.formatted)", "surname": "Rey", "firstName": "Léa", "birthDate": "1990-01-02", "sex": "F",
             "language": "fr", "education": "none"},
             "announcement": {"region": "SIO", "announcedOn": "2026-03-01", "ageGroup": "adult", "dispositif": "ORP"}}
            """
        }
        try await app.test(.router) { client in
            let created = try await fixture.call(client, alice, .post, "/cases", body(fixture.base.known))
            #expect(created.status == .created, "\(created.body)")
            let known = try #require(created.json["knownElsewhere"] as? [[String: Any]], "\(created.body)")
            #expect(known.count == 1)
            #expect(known.first?["dispositif"] as? String == "CMS")
            #expect(known.first?["node"] as? String == "cms-vs")
            #expect(known.first?["lastFollowUp"] as? String == "2025-04-17")
            let contacts = try #require(known.first?["contacts"] as? [[String: Any]])
            #expect(contacts.map { $0["name"] as? String } == ["Bruno Imboden"], "CMS's respondent only, not ORP's")
            #expect(contacts.first?["email"] as? String == "bruno@smz.example")
            #expect(contacts.first?["region"] as? String == "HV")
            let id = try #require(created.json["id"] as? Int)

            for caller in [alice, bureau] {
                let read = try await fixture.call(client, caller, .get, "/cases/\(id)")
                #expect(read.status == .ok)
                #expect((read.json["knownElsewhere"] as? [[String: Any]])?.first?["dispositif"] as? String == "CMS", "\(read.body)")
            }
            let nobody = try await fixture.call(client, bureau, .post, "/cases", body(fixture.avs))
            #expect(nobody.status == .created)
            #expect((nobody.json["knownElsewhere"] as? [Any])?.isEmpty == true, "\(nobody.body)")

            let events = fixture.base.audit.all
            #expect(
                events.contains {
                    $0.kind == .registryChange && $0.outcome == "created" && $0.details.contains { $0.key == "knownElsewhere" && $0.value == "1" }
                }
            )
            #expect(
                events.contains {
                    $0.kind == .registryChange && $0.outcome == "created" && $0.details.contains { $0.key == "knownElsewhere" && $0.value == "0" }
                }
            )
            #expect(
                events.contains {
                    $0.kind == .registryRead && $0.subject == "case:\(id)" && $0.actor == alice.name
                        && $0.details.contains { $0.key == "knownElsewhere" && $0.value == "1" }
                }
            )
        }

        // A coordinator without the lookup (or whose lookup failed) leaves the field out.
        let plain = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await plain.test(.router) { client in
            let read = try await fixture.call(client, bureau, .get, "/cases/1")
            #expect(read.status == .ok && read.json["knownElsewhere"] == nil, "\(read.body)")
        }
    }

    /// Creating cases cannot enumerate the replica faster than checks can: each creation counts
    /// against the caller's check limits, and past them the case is created without
    /// `knownElsewhere` (audited `knownElsewhere=limited`). Opening a case the caller may read
    /// still shows it.
    @Test func creatingCasesCountsAgainstTheCheckLimits() async throws {
        var settings = AccessSettings()
        settings.checksPerMinute = 2
        let fixture = try await RegistryAPIFixture(settings: settings)
        defer { fixture.remove() }
        var service = fixture.service
        service.knownElsewhereLookup = ReplicaKnownElsewhere(checker: fixture.server.checker, logger: Logger(label: "test"))
        var server = fixture.server
        server.registry = service
        let bureau = try fixture.signIn(.bureau)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        @Sendable func body(_ index: UInt64) -> String {
            """
            {"person": {"avs": "\(AVSNumber(completing: 756_200_000_000 + index).formatted)", "surname": "Rey", "firstName": "Léa",
             "birthDate": "1990-01-02", "sex": "F", "language": "fr", "education": "none"},
             "announcement": {"region": "SIO", "announcedOn": "2026-03-01", "ageGroup": "adult", "dispositif": "ORP"}}
            """
        }
        try await app.test(.router) { client in
            // Index 1 is the person CMS follows (ServerTests.known).
            for index: UInt64 in [2, 3] {
                let created = try await fixture.call(client, bureau, .post, "/cases", body(index))
                #expect(created.status == .created && created.json["knownElsewhere"] != nil, "\(created.body)")
            }
            let limited = try await fixture.call(client, bureau, .post, "/cases", body(1))
            #expect(limited.status == .created, "the case is created all the same: \(limited.body)")
            #expect(limited.json["knownElsewhere"] == nil, "\(limited.body)")
            #expect(
                fixture.base.audit.all.contains {
                    $0.kind == .registryChange && $0.outcome == "created"
                        && $0.details.contains { $0.key == "knownElsewhere" && $0.value == "limited" }
                }
            )
            let id = try #require(limited.json["id"] as? Int)
            let read = try await fixture.call(client, bureau, .get, "/cases/\(id)")
            #expect((read.json["knownElsewhere"] as? [[String: Any]])?.first?["dispositif"] as? String == "CMS", "\(read.body)")
        }
    }
}
