import CIIAccess
import CIICore
import CIIFederation
import CIIRegistry
import CIIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// The members' respondent directory comes from the registry's collaborator directory: the CII
/// respondents only, the bureau's former file while there is none, and a save through the API
/// has the coordinator sign it anew.
@Suite struct RegistryRespondentSourceTests {
    @Test func theRespondentsOfTheDirectoryAndNoOneElse() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        _ = try await fixture.service.saveCollaborator(
            Collaborator(name: "Paul Case", dispositif: .cms, region: .sion, phone: "027 1", email: "p@cms.example", function: .caseManager),
            by: RegistryAPIFixture.bureau
        )
        let file = fixture.base.folder + "/respondents.json"
        try #"[{"name":"Ancien Contact","dispositif":"OAI","region":"Sion","phone":"027 2","email":"a@oai.example"}]"#.write(
            toFile: file,
            atomically: true,
            encoding: .utf8
        )
        let source = RegistryRespondentSource(registry: fixture.service, fallback: RespondentFile(path: file))
        let entries = try #require(try await source.respondents())
        #expect(
            entries == [
                RespondentEntry(name: "Alice Favre", dispositif: .orp, region: "Sion/Sitten", phone: "027 000 00 01", email: "alice@orp.example"),
                RespondentEntry(name: "Bruno Imboden", dispositif: .cms, region: "Haut-Valais/Oberwallis", phone: "", email: "bruno@smz.example"),
            ]
        )

        // A registry without respondents: the bureau's former file, or nothing without one.
        let empty = try await RegistryAPIFixture()
        defer { empty.remove() }
        for id in [empty.alice, empty.bruno] {
            var entry = try #require(try await empty.service.collaborators(by: RegistryAPIFixture.bureau).first { $0.id == id })
            entry.function = .partner
            _ = try await empty.service.saveCollaborator(entry, by: RegistryAPIFixture.bureau)
        }
        let fallback = try await RegistryRespondentSource(registry: empty.service, fallback: RespondentFile(path: file)).respondents()
        #expect(fallback?.map(\.name) == ["Ancien Contact"])
        #expect(try await RegistryRespondentSource(registry: empty.service, fallback: nil).respondents() == nil)
    }

    @Test func aDirectorySaveThroughTheAPIHasItSignedAnew() async throws {
        let fixture = try await RegistryAPIFixture()
        defer { fixture.remove() }
        let calls = Counter()
        var server = fixture.server
        server.registryDirectoryChanged = { calls.count.withLock { $0 += 1 } }
        let bureau = try fixture.signIn(.bureau)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let bad = try await fixture.call(client, bureau, .post, "/collaborators", #"{"name":"X"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(calls.count.withLock { $0 } == 0, "nothing saved, nothing signed")
            let body =
                #"{"name":"Denise Fournier","dispositif":"CMS","region":"SIO","phone":"027 3","email":"d@cms.example","function":"respondent"}"#
            let saved = try await fixture.call(client, bureau, .post, "/collaborators", body)
            #expect(saved.status == .created, "\(saved.body)")
            #expect(calls.count.withLock { $0 } == 1)
        }
    }
}

/// Counts calls from a closure.
final class Counter: Sendable {
    let count = Mutex(0)
}
