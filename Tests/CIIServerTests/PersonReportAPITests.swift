import CIICore
import CIIRegistry
import CIIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import CIIAccess
@testable import CIIAudit

/// The test log is searched like the node's: by subject, in the order recorded.
extension MemoryAudit: AuditSearching {
    func entries(withSubjects subjects: Set<String>) throws(AuditError) -> [AuditPersonEntry] {
        all.enumerated().compactMap { index, event in
            guard let subject = event.subject, subjects.contains(subject) else { return nil }
            return AuditPersonEntry(
                seq: Int64(index + 1),
                time: event.time,
                kind: event.kind.rawValue,
                actor: event.actor,
                subject: subject,
                outcome: event.outcome,
                details: event.details
            )
        }
    }
}

/// `POST /api/v1/registry/person-reports` (right of access): the bureau's, JSON or HTML, audited.
@Suite struct PersonReportAPITests {
    @Test func theBureauGetsEverythingAsJSONOrPrintableHTMLAndEveryReadIsAudited() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let bureau = try fixture.signIn(.bureau)
        let sion = try fixture.signIn(.coordinator, region: "SIO")
        let audit = fixture.base.audit
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            // Someone reads and changes the case: the report lists it.
            #expect(try await fixture.call(client, sion, .get, "/cases/\(id)").status == .ok)
            let tricky = "{\"text\":\"<script>alert(1)</script> & \\\"co\\\"\",\"riskFactors\":[\"finances\"]}"
            let bureauEtag = try await fixture.etag(id)
            #expect(try await fixture.call(client, bureau, .put, "/cases/\(id)/situation", tricky, ifMatch: bureauEtag).status == .ok)
            let body = "{\"avs\":\"\(fixture.avs.formatted)\"}"

            let json = try await fixture.call(client, bureau, .post, "/person-reports", body)
            #expect(json.status == .ok, "\(json.body)")
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            let person = try #require(json.json["person"] as? [String: Any])
            #expect(person["surname"] as? String == "Müller" && person["avs"] as? String == fixture.avs.formatted)
            let cases = try #require(json.json["cases"] as? [[String: Any]])
            #expect(cases.count == 1 && (cases[0]["period"] as? [String: Any])?["id"] as? Int == Int(id))
            #expect(((cases[0]["history"] as? [[String: Any]]) ?? []).contains { $0["field"] as? String == "situation.text" })
            let log = try #require(json.json["accessLog"] as? [[String: Any]])
            #expect(log.contains { $0["kind"] as? String == "registry_read" && ($0["actor"] as? String)?.contains(sion.name) == true })
            #expect(log.contains { $0["kind"] as? String == "registry_change" && $0["subject"] as? String == "case:\(id)" })

            // HTML: one standalone document, in the asked language, every value escaped.
            for (query, language, title) in [
                ("?format=html", "fr", "Données du registre CII"), ("?format=html&language=de", "de", "Daten des IIZ-Registers"),
            ] {
                let html = try await fixture.call(client, bureau, .post, "/person-reports\(query)", body)
                #expect(html.status == .ok && html.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(html.body.hasPrefix("<!doctype html>") && html.body.contains("<html lang=\"\(language)\">") && html.body.contains(title))
                #expect(!html.body.contains("<script>") && html.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"))
                #expect(!html.body.contains("<link") && !html.body.contains("src="), "standalone: nothing fetched")
            }
            var headers: HTTPFields = [.cookie: "__Host-ciid-session=\(bureau.cookie)", .contentType: "application/json", .accept: "text/html"]
            headers[HTTPField.Name("X-CSRF-Token")!] = bureau.csrf
            headers[.acceptLanguage] = "de-CH"
            let negotiated = try await client.execute(
                uri: "/api/v1/registry/person-reports",
                method: .post,
                headers: headers,
                body: ByteBuffer(string: body)
            ) { String(buffer: $0.body) }
            #expect(negotiated.contains("<html lang=\"de\">"))

            // Unknown person, invalid number, bad format: clear errors, the number never echoed.
            let unknown = try await fixture.call(
                client,
                bureau,
                .post,
                "/person-reports",
                "{\"avs\":\"\(AVSNumber(completing: 756_100_000_099).formatted)\"}"
            )
            #expect(unknown.status == .notFound && unknown.codes == ["person.not_found"])
            let invalid = try await fixture.call(client, bureau, .post, "/person-reports", "{\"avs\":\"756.1234.5678.90\"}")
            #expect(invalid.status == .unprocessableContent && invalid.fields == ["avs"] && !invalid.body.contains("756.1234"))
            let format = try await fixture.call(client, bureau, .post, "/person-reports?format=pdf", body)
            #expect(format.status == .unprocessableContent && format.fields == ["format"])
        }
        let reads = audit.all.filter { $0.kind == .registryRead && $0.detail("what") == "person-report" }
        #expect(reads.count == 5, "four reports and the unknown person")
        #expect(reads.filter { $0.subject?.hasPrefix("person:") == true }.count == 4)
        #expect(reads.contains { $0.outcome == "not_found" })
        #expect(reads.allSatisfy { $0.detail("number")?.contains("****") == true })
        let digits = String(fixture.avs.digitsValue)
        #expect(!audit.all.contains { "\($0)".contains(fixture.avs.formatted) || "\($0)".contains(digits) }, "no AVS number in the audit")
    }

    @Test func noReportWithoutItsAuditEntry() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        _ = try await fixture.makeCase()
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            fixture.base.audit.refusing = true
            defer { fixture.base.audit.refusing = false }
            let answer = try await fixture.call(client, bureau, .post, "/person-reports", "{\"avs\":\"\(fixture.avs.formatted)\"}")
            #expect(answer.status == .serviceUnavailable && answer.codes == ["audit.unavailable"] && !answer.body.contains("Müller"))
        }
    }
}
