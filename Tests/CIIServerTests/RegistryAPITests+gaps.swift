import CIIAccess
import CIICore
import CIIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The API's answers where no route answers, and bodies with several bad fields.
extension RegistryAPITests {
    /// An unknown path under `/api/v1/registry/` is a 404 in the registry's error shape, a route's
    /// path with another method a 405 with `Allow`; elsewhere the node answers as before.
    @Test func unknownPathsAndMethodsAnswerInTheRegistrysErrorShape() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            for caller in [bureau, nil] {
                for path in ["/nothing", "/cases/\(id)/nothing", "/cases/\(id)/history/more", ""] {
                    let answer = try await fixture.call(client, caller, .get, path, language: "de")
                    #expect(answer.status == .notFound, "\(path): \(answer.body)")
                    #expect(answer.codes == ["request.not_found"], "\(path): \(answer.body)")
                    #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
                    #expect(answer.body.contains("Diese Adresse"))
                    #expect(answer.headers[.xContentTypeOptions] == "nosniff")
                }
            }
            let methods: [(HTTPRequest.Method, String, String)] = [
                (.delete, "/cases/\(id)", "GET"),
                (.patch, "/collaborators", "GET, POST"),
                (.get, "/cases/\(id)/situation", "PUT"),
                (.put, "/searches", "POST"),
            ]
            for (method, path, allowed) in methods {
                let answer = try await fixture.call(client, bureau, method, path, "{}")
                #expect(answer.status == .methodNotAllowed, "\(method) \(path): \(answer.body)")
                #expect(answer.codes == ["request.method_not_allowed"])
                #expect(answer.headers[.allow] == allowed, "\(method) \(path)")
            }
            // The routes themselves answer as always, and other paths keep the node's plain 404.
            #expect(try await fixture.call(client, bureau, .get, "/cases/\(id)").status == .ok)
            let elsewhere = try await client.execute(uri: "/api/v1/nothing", method: .get) { $0 }
            #expect(elsewhere.status == .notFound && !String(buffer: elsewhere.body).contains("errors"))
        }
    }

    /// A body with several bad fields names each of them (not only the first the decoder met),
    /// in tab bodies, list bodies and the new case; nothing is written.
    @Test func everyBadFieldOfABodyIsReported() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let id = try await fixture.makeCase()
        let bureau = try fixture.signIn(.bureau)
        let app = try fixture.server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let etag = try await fixture.etag(id)
            let announcement = try await fixture.call(
                client,
                bureau,
                .put,
                "/cases/\(id)/announcement",
                #"{"region":"XX","announcedOn":5,"followedSince":"hier","dispositif":"ORP"}"#,
                ifMatch: etag
            )
            #expect(announcement.status == .unprocessableContent)
            #expect(
                Set(announcement.fields) == [
                    "announcement.region", "announcement.announcedOn", "announcement.followedSince", "announcement.ageGroup",
                ],
                "\(announcement.body)"
            )
            #expect(announcement.codes.filter { $0 == "required" }.count == 1, "ageGroup is missing, the others wrong")

            let services = try await fixture.call(
                client,
                bureau,
                .put,
                "/cases/\(id)/services",
                #"[{"type":"TRO","start":"2026-01-01"},{"type":"NOPE","start":1,"closingStatus":"maybe"}]"#,
                ifMatch: etag
            )
            #expect(services.status == .unprocessableContent)
            #expect(Set(services.fields) == ["services[1].type", "services[1].start", "services[1].closingStatus"], "\(services.body)")

            let avs = fixture.avs.formatted
            let created = try await fixture.call(
                client,
                bureau,
                .post,
                "/cases",
                #"{"person":{"avs":"\#(avs)","surname":7,"firstName":"Zoé","sex":"X","language":"fr","education":"none"},"announcement":[]}"#
            )
            #expect(created.status == .unprocessableContent)
            #expect(Set(created.fields).isSuperset(of: ["person.surname", "announcement"]), "\(created.body)")
            #expect(!created.body.contains(avs.filter(\.isNumber).suffix(6)))

            let collaborator = try await fixture.call(client, bureau, .post, "/collaborators", #"{"name":1,"dispositif":"NOPE","region":"SIO"}"#)
            #expect(
                Set(collaborator.fields).isSuperset(of: ["name", "dispositif", "email", "function"]),
                "\(collaborator.body)"
            )
            // Malformed JSON stays one problem about the body.
            let malformed = try await fixture.call(client, bureau, .put, "/cases/\(id)/decision", "{\"openedOn\":", ifMatch: etag)
            #expect(malformed.codes == ["json.malformed"])
            #expect(try await fixture.etag(id) == etag)
        }
    }
}
