import CIIAccess
import CIICore
import CIIRegistry
import CIIServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

extension RegistryAPITests {
    /// Search by query and by body: criteria combined, sorted and paged; the AVS number only in a
    /// body (in a URL it is refused and never echoed); every bad criterion reported at once.
    @Test func searchCombinesCriteriaAndKeepsTheAVSNumberOutOfURLs() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        _ = try await fixture.makeCase()
        _ = try await fixture.makeCase(region: .monthey)
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let both = try await fixture.call(client, bureau, .get, "/cases?surname=MUL&sort=announcedOn&order=desc&pageSize=1")
            #expect(both.status == .ok)
            #expect(both.json["total"] as? Int == 2)
            #expect((both.json["items"] as? [Any])?.count == 1)
            let monthey = try await fixture.call(
                client,
                bureau,
                .get,
                "/cases?region=MON&dispositif=orp&announcedFrom=2026-01-01&announcedTo=2026-12-31"
            )
            #expect(monthey.json["total"] as? Int == 1, "\(monthey.body)")
            let none = try await fixture.call(client, bureau, .get, "/cases?status=closed")
            #expect(none.json["total"] as? Int == 0)

            let byNumber = try await fixture.call(client, bureau, .post, "/searches", "{\"avs\":\"\(fixture.avs.formatted)\",\"region\":\"SIO\"}")
            #expect(byNumber.json["total"] as? Int == 1)
            let inURL = try await fixture.call(client, bureau, .get, "/cases?avs=\(fixture.avs.formatted)", language: "en")
            #expect(inURL.status == .unprocessableContent)
            #expect(inURL.codes == ["avs_in_url"] && !inURL.body.contains(fixture.avs.formatted))

            let bad = try await fixture.call(
                client,
                bureau,
                .post,
                "/searches",
                "{\"region\":\"XX\",\"birthDate\":\"31.02.1990x\",\"announcedFrom\":\"2026-05-01\",\"announcedTo\":\"2026-01-01\",\"page\":\"x\",\"colour\":\"red\"}",
                language: "de"
            )
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.fields) == ["region", "birthDate", "announcedTo", "page", "colour"], "\(bad.body)")
            #expect(bad.body.contains("Unbekannter Code"))
            let tooMany = try await fixture.call(client, bureau, .post, "/searches", "{\"pageSize\":500}")
            #expect(tooMany.status == .unprocessableContent && tooMany.fields == ["pageSize"])
            let malformed = try await fixture.call(client, bureau, .post, "/searches", "{\"surname\":")
            #expect(malformed.status == .unprocessableContent && malformed.codes == ["json.malformed"])
            let huge = try await fixture.call(
                client,
                bureau,
                .post,
                "/searches",
                "{\"surname\":\"" + String(repeating: "a", count: 1_100_000) + "\"}"
            )
            #expect(huge.status == .contentTooLarge && huge.codes == ["request.too_large"])
        }
    }

    /// The bureau's lists: the medical-mandate invoices in JSON (exact francs) and CSV, and the
    /// powers of attorney; a missing year is a 422.
    @Test func theBureausListsAndExports() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let mandate =
                "[{\"type\":\"expertise\",\"date\":\"2026-05-01\",\"cost\":\"450.05\"},{\"type\":\"consultation\",\"date\":\"2026-06-01\",\"cost\":\"0.10\"}]"
            let saved = try await fixture.call(client, bureau, .put, "/cases/\(id)/medical-mandate", mandate, ifMatch: try await fixture.etag(id))
            #expect(saved.status == .ok, "\(saved.body)")
            let json = try await fixture.call(client, bureau, .get, "/invoices/medical?year=2026")
            #expect(json.json["total"] as? String == "450.15", "\(json.body)")
            let csv = try await fixture.call(client, bureau, .get, "/invoices/medical?year=2026&format=csv")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.body.hasPrefix("dispositif;cas;demandes;total_chf\r\nORP;1;2;450.15\r\n"), "\(csv.body)")
            let noYear = try await fixture.call(client, bureau, .get, "/invoices/medical?format=xml")
            #expect(Set(noYear.fields) == ["year", "format"])
            let powers = try await fixture.call(client, bureau, .get, "/powers-of-attorney?on=2026-11-23")
            #expect(powers.status == .ok && powers.body == "[]")
        }
    }
}
