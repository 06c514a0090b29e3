import CIIAudit
import CIICore
import CIIRegistry
import CIIServer
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CIIAccess

/// The registry's JSON API on the coordinator: roles, scope, errors, ETags and the audit.
@Suite struct RegistryAPITests {
    static let situation = "{\"text\":\"Nouvelle situation\",\"riskFactors\":[\"finances\"]}"
    static let decision = "{\"openedOn\":\"2026-04-01\",\"dispositifInCharge\":\"ORP\"}"

    /// Every role on every kind of route: allowed, refused by role (403), or out of scope (404).
    @Test func theRoleMatrix() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let alice = try fixture.signIn(.respondent, collaborator: fixture.alice)
        let bruno = try fixture.signIn(.respondent, collaborator: fixture.bruno)
        let sion = try fixture.signIn(.coordinator, region: "SIO")
        let monthey = try fixture.signIn(.coordinator, region: "MON")
        let bureau = try fixture.signIn(.bureau)
        let admin = try fixture.signIn(.admin)
        let callers: [(String, RegistryAPIFixture.Caller?)] = [
            ("alice", alice), ("bruno", bruno), ("sion", sion), ("monthey", monthey), ("bureau", bureau), ("admin", admin), ("anonymous", nil),
        ]
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            func expect(_ method: HTTPRequest.Method, _ path: String, _ body: String?, etag: Bool = false, _ wanted: [String: Int]) async throws {
                for (name, caller) in callers {
                    let answer = try await fixture.call(client, caller, method, path, body, ifMatch: etag ? try await fixture.etag(id) : nil)
                    #expect(Int(answer.status.code) == wanted[name], "\(method) \(path) as \(name): \(answer.status.code) \(answer.body)")
                    if answer.status.code >= 400 { #expect(!answer.codes.isEmpty, "\(method) \(path) as \(name): \(answer.body)") }
                }
            }
            try await expect(
                .get,
                "/cases/\(id)",
                nil,
                ["alice": 200, "bruno": 404, "sion": 200, "monthey": 404, "bureau": 200, "admin": 403, "anonymous": 401]
            )
            try await expect(
                .get,
                "/cases/\(id)/history",
                nil,
                ["alice": 200, "bruno": 404, "sion": 200, "monthey": 404, "bureau": 200, "admin": 403, "anonymous": 401]
            )
            try await expect(
                .put,
                "/cases/\(id)/situation",
                Self.situation,
                etag: true,
                ["alice": 200, "bruno": 404, "sion": 403, "monthey": 403, "bureau": 200, "admin": 403, "anonymous": 401]
            )
            try await expect(
                .put,
                "/cases/\(id)/decision",
                Self.decision,
                etag: true,
                ["alice": 403, "bruno": 403, "sion": 200, "monthey": 404, "bureau": 200, "admin": 403, "anonymous": 401]
            )
            try await expect(
                .put,
                "/cases/\(id)/gravity",
                "{\"action\":\"confirm\"}",
                etag: true,
                ["alice": 403, "bruno": 403, "sion": 403, "monthey": 403, "bureau": 200, "admin": 403, "anonymous": 401]
            )
            try await expect(
                .put,
                "/cases/\(id)/medical-mandate",
                "[{\"type\":\"expertise\",\"date\":\"2026-05-01\",\"cost\":\"450.00\"}]",
                etag: true,
                ["alice": 403, "bruno": 403, "sion": 403, "monthey": 403, "bureau": 200, "admin": 403, "anonymous": 401]
            )
            try await expect(
                .post,
                "/searches",
                "{\"surname\":\"mul\"}",
                ["alice": 200, "bruno": 200, "sion": 200, "monthey": 200, "bureau": 200, "admin": 403, "anonymous": 401]
            )
            for path in ["/notices", "/powers-of-attorney", "/invoices/medical?year=2026"] {
                try await expect(
                    .get,
                    path,
                    nil,
                    ["alice": 403, "bruno": 403, "sion": 403, "monthey": 403, "bureau": 200, "admin": 403, "anonymous": 401]
                )
            }
            try await expect(
                .post,
                "/person-reports",
                "{\"avs\":\"\(fixture.avs.formatted)\"}",
                ["alice": 403, "bruno": 403, "sion": 403, "monthey": 403, "bureau": 200, "admin": 403, "anonymous": 401]
            )
            try await expect(
                .get,
                "/collaborators",
                nil,
                ["alice": 200, "bruno": 200, "sion": 200, "monthey": 200, "bureau": 200, "admin": 200, "anonymous": 401]
            )
            try await expect(
                .put,
                "/document-codes/DEC",
                "{\"labelFR\":\"Décision\",\"labelDE\":\"Entscheid\"}",
                ["alice": 403, "bruno": 403, "sion": 403, "monthey": 403, "bureau": 200, "admin": 200, "anonymous": 401]
            )
            try await expect(
                .post,
                "/cases",
                Self.newCase(avs: fixture.avs.formatted),
                ["alice": 201, "bruno": 201, "sion": 403, "monthey": 403, "bureau": 201, "admin": 403, "anonymous": 401]
            )

            // The search sees only the caller's scope: Bruno's search finds his own new case, not Alice's.
            let found = try await fixture.call(client, monthey, .post, "/searches", "{}")
            #expect(found.json["total"] as? Int == 0)
            let mine = try await fixture.call(client, sion, .get, "/cases?region=SIO")
            #expect(mine.json["total"] as? Int == 4)  // the seeded case and those of Alice, Bruno and the bureau
            // Cancellation (bureau); then the case is gone for everyone else.
            let refused = try await fixture.call(
                client,
                sion,
                .post,
                "/cases/\(id)/cancellation",
                "{\"reason\":\"doublon\"}",
                ifMatch: try await fixture.etag(id)
            )
            #expect(refused.status == .forbidden)
            let cancelled = try await fixture.call(
                client,
                bureau,
                .post,
                "/cases/\(id)/cancellation",
                "{\"reason\":\"doublon\"}",
                ifMatch: try await fixture.etag(id)
            )
            #expect(cancelled.status == .ok)
            #expect(try await fixture.call(client, alice, .get, "/cases/\(id)").status == .notFound)
            #expect(try await fixture.call(client, bureau, .get, "/cases/\(id)").status == .ok)
            let notices = try await fixture.call(client, bureau, .get, "/notices")
            #expect(notices.body.contains("doublon"))
        }
    }

    static func newCase(avs: String, surname: String = "Müller", region: String = "SIO", announced: String = "2026-03-01") -> String {
        """
        {"person":{"avs":"\(avs)","surname":"\(surname)","firstName":"Zoé","birthDate":"1983-05-02","sex":"F","language":"fr","education":"none"},
         "announcement":{"region":"\(region)","announcedOn":"\(announced)","ageGroup":"adult","dispositif":"ORP"}}
        """
    }

    /// A write with the session cookie but without its anti-forgery token is refused, and so is an
    /// account without registry access (a caseworker, a coordinator without a region).
    @Test func writesNeedTheAntiForgeryToken() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let before = try await fixture.etag(id)
            let answer = try await fixture.call(client, bureau, .put, "/cases/\(id)/situation", Self.situation, ifMatch: before, csrf: false)
            #expect(answer.status == .forbidden)
            #expect(answer.codes == ["auth.csrf"])
            #expect(try await fixture.etag(id) == before)
            let caseworker = try fixture.signIn(.caseworker)
            let refused = try await fixture.call(client, caseworker, .get, "/collaborators")
            #expect(refused.status == .forbidden && refused.codes == ["role.forbidden"])
            let noRegion = try fixture.signIn(.coordinator, region: "SIO")
            try fixture.server.access.store.write { db in
                try db.execute(sql: "UPDATE account SET region = NULL WHERE email LIKE 'coordinator-%'")
            }
            #expect(try await fixture.call(client, noRegion, .get, "/cases/\(id)").status == .forbidden)
        }
    }

    /// Bad input on each tab: 422 with field, code and message in the asked language, every
    /// problem at once, and nothing written.
    @Test func badInputIsA422InTheAskedLanguageAndWritesNothing() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let etag = try await fixture.etag(id)
            let history = try await fixture.service.history(id, by: RegistryAPIFixture.bureau).count
            let cases: [(tab: String, body: String, field: String, code: String)] = [
                ("services", "[{\"type\":\"TRO\",\"start\":\"2026-05-01\",\"end\":\"2026-04-01\"}]", "services[0].end", "date_order"),
                ("decision", "{\"closedOn\":\"2026-04-01\"}", "decision.openedOn", "required"),
                (
                    "announcement", "{\"region\":\"XX\",\"announcedOn\":\"2026-03-01\",\"ageGroup\":\"adult\",\"dispositif\":\"ORP\"}",
                    "announcement.region", "invalid_value"
                ),
                ("gravity", "{\"action\":\"override\",\"index\":9,\"reason\":\"vu\"}", "gravity.index", "out_of_range"),
                ("logbook", "[{\"date\":\"2030-01-01\",\"text\":\"Entretien\",\"partners\":[]}]", "logbook[0].date", "date_out_of_range"),
                ("documents", "[{\"designation\":\"Rapport\",\"code\":\"NOPE\"}]", "documents[0]", ""),
                (
                    "person",
                    "{\"surname\":\"\",\"firstName\":\"Zoé\",\"birthDate\":\"1983-05-02\",\"sex\":\"F\",\"language\":\"fr\",\"education\":\"none\"}",
                    "person.surname", "required"
                ),
            ]
            for item in cases {
                let answer = try await fixture.call(client, bureau, .put, "/cases/\(id)/\(item.tab)", item.body, ifMatch: etag, language: "de-CH")
                #expect(answer.status == .unprocessableContent, "\(item.tab): \(answer.body)")
                #expect(answer.fields.contains { $0.hasPrefix(item.field) }, "\(item.tab): \(answer.body)")
                if !item.code.isEmpty { #expect(answer.codes.contains(item.code), "\(item.tab): \(answer.body)") }
            }
            // German, then French by default, then English.
            let german = try await fixture.call(client, bureau, .put, "/cases/\(id)/services", cases[0].body, ifMatch: etag, language: "de-CH")
            #expect(german.body.contains("darf nicht vor"))
            let french = try await fixture.call(client, bureau, .put, "/cases/\(id)/decision", cases[1].body, ifMatch: etag)
            #expect(french.body.contains("date d'ouverture"))
            let english = try await fixture.call(client, bureau, .put, "/cases/\(id)/decision", cases[1].body, ifMatch: etag, language: "en")
            #expect(english.body.contains("opening date"))
            // Every problem at once on creation, and the AVS number never echoed.
            let bad = "756.1234.5678.90"
            let created = try await fixture.call(client, bureau, .post, "/cases", Self.newCase(avs: bad, surname: "", announced: "2030-01-01"))
            #expect(created.status == .unprocessableContent)
            #expect(Set(created.fields).isSuperset(of: ["person.avs", "person.surname"]), "\(created.body)")
            #expect(created.fields.count >= 3, "\(created.body)")
            #expect(!created.body.contains("5678"))
            // Nothing written.
            #expect(try await fixture.etag(id) == etag)
            #expect(try await fixture.service.history(id, by: RegistryAPIFixture.bureau).count == history)
            let all = try await fixture.service.search(RegistrySearch(), by: RegistryAPIFixture.bureau)
            #expect(all.total == 1)
        }
    }

    /// Two editors on one case: the later gets 412 and the first one's change stays; without
    /// `If-Match` 428.
    @Test func theLaterOfTwoEditorsGets412AndNothingIsLost() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let sion = try fixture.signIn(.coordinator, region: "SIO")
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let read = try await fixture.call(client, sion, .get, "/cases/\(id)")
            let etag = try #require(read.headers[.eTag])
            let missing = try await fixture.call(client, sion, .put, "/cases/\(id)/decision", Self.decision)
            #expect(missing.status.code == 428)
            #expect(missing.codes == ["precondition.required"])
            let first = try await fixture.call(client, sion, .put, "/cases/\(id)/decision", Self.decision, ifMatch: etag)
            #expect(first.status == .ok)
            #expect(first.headers[.eTag] != etag)
            let second = try await fixture.call(
                client,
                bureau,
                .put,
                "/cases/\(id)/decision",
                "{\"openedOn\":\"2026-05-01\",\"dispositifInCharge\":\"CMS\"}",
                ifMatch: etag,
                language: "de"
            )
            #expect(second.status == .preconditionFailed)
            #expect(second.codes == ["case.changed"])
            let now = try await fixture.service.readCase(id, by: RegistryAPIFixture.bureau)
            #expect(now.decision?.openedOn == Day(year: 2026, month: 4, day: 1))
            #expect(now.decision?.dispositifInCharge == .orp)
            let history = try await fixture.call(client, sion, .get, "/cases/\(id)/history")
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(history.body.utf8)) as? [[String: Any]])
            #expect(entries.contains { $0["field"] as? String == "decision.openedOn" && $0["actor"] as? String == sion.name })
        }
    }

    /// Reads, searches and changes are in the audit log, the AVS number masked; when the audit
    /// log cannot write, the API answers 503, shows nothing and changes nothing.
    @Test func everyAccessIsAuditedAndNothingWithoutTheAudit() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        let audit = fixture.base.audit
        try await app.test(.router) { client in
            #expect(try await fixture.call(client, bureau, .get, "/cases/\(id)").status == .ok)
            let search = try await fixture.call(client, bureau, .post, "/searches", "{\"avs\":\"\(fixture.avs.formatted)\"}")
            #expect(search.json["total"] as? Int == 1)
            let changed = try await fixture.call(client, bureau, .put, "/cases/\(id)/situation", Self.situation, ifMatch: try await fixture.etag(id))
            #expect(changed.status == .ok)
            let csv = try await fixture.call(client, bureau, .get, "/invoices/medical?year=2026&format=csv", language: "de")
            #expect(csv.body.hasPrefix("stelle;"))

            let events = audit.all.filter { $0.actor == bureau.name }
            #expect(events.contains { $0.kind == .registryRead && $0.subject == "case:\(id)" })
            let searched = try #require(events.first { $0.kind == .registrySearch })
            #expect(searched.details.contains { $0.0 == "criteria" && $0.1.contains(fixture.avs.masked) })
            #expect(events.contains { $0.kind == .registryChange && $0.subject == "case:\(id)" && $0.outcome == "requested" })
            #expect(events.contains { $0.kind == .registryChange && $0.subject == "case:\(id)" && $0.outcome == "ok" })
            #expect(events.contains { $0.kind == .registryExport })
            let digits = fixture.avs.formatted.filter(\.isNumber)
            for event in audit.all {
                let text = "\(event.subject ?? "") \(event.details.map { "\($0.0)=\($0.1)" }.joined(separator: " "))"
                #expect(!text.filter(\.isNumber).contains(digits) && !text.contains(fixture.avs.formatted))
            }

            audit.refusing = true
            let etag = try await fixture.etag(id)
            let read = try await fixture.call(client, bureau, .get, "/cases/\(id)")
            #expect(read.status == .serviceUnavailable)
            #expect(read.codes == ["audit.unavailable"] && !read.body.contains("Müller"))
            let found = try await fixture.call(client, bureau, .post, "/searches", "{\"surname\":\"mul\"}")
            #expect(found.status == .serviceUnavailable && !found.body.contains("Müller"))
            let refused = try await fixture.call(client, bureau, .put, "/cases/\(id)/decision", Self.decision, ifMatch: etag)
            #expect(refused.status == .serviceUnavailable)
            #expect(try await fixture.etag(id) == etag)
            audit.refusing = false
        }
    }
}
