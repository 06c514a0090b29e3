import CIIAccess
import CIIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

extension RegistryAPITests {
    /// The bureau records a regional day, corrects it and lists the year's; a bad record is a 422
    /// with every field in the asked language; an unknown one a 404; the changes are audited.
    @Test func theBureauRecordsTrainingsThroughTheAPI() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let body = #"{"kind":"regional_day","title":"Journée régionale","date":"2026-02-10","region":"SIO","language":"fr","participants":31}"#
            let created = try await fixture.call(client, bureau, .post, "/trainings", body)
            #expect(created.status == .created, "\(created.body)")
            let id = try #require(created.json["id"] as? Int)
            let changed = try await fixture.call(client, bureau, .put, "/trainings/\(id)", body.replacingOccurrences(of: "31", with: "33"))
            #expect(changed.status == .ok && changed.json["participants"] as? Int == 33, "\(changed.body)")
            let list = try await fixture.call(client, bureau, .get, "/trainings?year=2026")
            let items = try #require(try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]])
            #expect(items.count == 1 && items[0]["participants"] as? Int == 33 && items[0]["region"] as? String == "SIO")
            #expect(try await fixture.call(client, bureau, .get, "/trainings?year=2025").body == "[]")

            let bad = #"{"kind":"training","title":"","date":"2099-01-01","region":"SIO","language":"en","participants":0}"#
            let refused = try await fixture.call(client, bureau, .post, "/trainings", bad, language: "de")
            #expect(refused.status == .unprocessableContent)
            #expect(Set(refused.fields) == ["title", "date", "language", "participants"], "\(refused.body)")
            #expect(refused.body.contains("Teilnehmende"), "the message in German: \(refused.body)")
            let unknown = try await fixture.call(client, bureau, .put, "/trainings/999", body)
            #expect(unknown.status == .notFound && unknown.codes == ["training.not_found"], "\(unknown.body)")
            let year = try await fixture.call(client, bureau, .get, "/trainings?year=1999")
            #expect(year.status == .unprocessableContent && year.fields == ["year"])
        }
    }
}
