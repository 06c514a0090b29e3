import CIIAccess
import CIIAudit
import CIICore
import CIIServer
import CIIStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// The node's routes, served by a real server on a free loopback port (plain HTTP here; the
/// end-to-end tests of `ciid` cover TLS).
@Suite struct ServerTests {
    let folder = NSTemporaryDirectory() + "ciid-server-" + UUID().uuidString
    let key = FingerprintKey.generate(epoch: .first)
    let today = Day(year: 2026, month: 11, day: 23)!
    let known = AVSNumber(completing: 756_200_000_001)
    let metrics = NodeMetrics()
    let mailer = RecordingMailer()
    let audit = MemoryAudit()

    /// A server; `hasher` and `sleep` replace the password-hashing threads and the login delays.
    func makeServer(
        settings: AccessSettings = AccessSettings(),
        nodeRole: NodeRole = .dispositif,
        hasher: PasswordHasher? = nil,
        sleep: (@Sendable (Duration) async -> Void)? = nil
    ) throws -> NodeServer {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try NodeStore(path: folder + "/node.sqlite")
        let fingerprint = Fingerprinter(key: key).fingerprint(known)
        try store.upsertReplica([
            ReplicaEntry(
                origin: try NodeID("cms-vs"),
                dispositif: .cms,
                fingerprint: fingerprint,
                epoch: .first,
                lastOn: Day(year: 2025, month: 4, day: 17)!
            )
        ])
        let configuration =
            nodeRole == .dispositif
            ? NodeConfiguration(role: .dispositif, id: try NodeID("orp-vs"), dispositif: .orp)
            : NodeConfiguration(role: .coordinator, id: try NodeID("cii-vs"), dispositif: nil)
        let checker = AlertChecker(node: configuration.id, keys: [key], window: .standard, reader: ReplicaReader(store: store))
        let today = self.today
        let access = AccessControl(
            store: try AccessStore(path: folder + "/access.sqlite"),
            settings: settings,
            audit: audit,
            mailer: mailer,
            nodeName: configuration.id.rawValue,
            nodeRole: nodeRole,
            // A fixed clock: a rate-limit window cannot end in the middle of a test.
            now: { Date(timeIntervalSince1970: 1_795_000_030) },
            hasher: hasher,
            sleep: sleep ?? { try? await Task.sleep(for: $0) }
        )
        return NodeServer(
            configuration: configuration,
            checker: checker,
            metrics: metrics,
            access: access,
            inbox: AlertInbox(node: store, access: access),
            today: { today }
        )
    }

    /// A server and the secret of an API token it accepts.
    func makeServerWithToken(
        settings: AccessSettings = AccessSettings(),
        sleep: (@Sendable (Duration) async -> Void)? = nil
    ) throws -> (NodeServer, String) {
        let server = try makeServer(settings: settings, sleep: sleep)
        return (server, try server.access.createToken(name: "tests", by: "cli").secret)
    }

    func post(
        _ client: some TestClientProtocol,
        _ body: String,
        language: String? = nil,
        token: String?
    ) async throws -> (HTTPResponse.Status, String) {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let language { headers[.acceptLanguage] = language }
        return try await client.execute(uri: "/api/v1/checks", method: .post, headers: headers, body: ByteBuffer(string: body)) {
            ($0.status, String(buffer: $0.body))
        }
    }

    @Test func aKnownPersonIsAnsweredWithTheOtherDispositifAndTheWindow() async throws {
        let (server, token) = try makeServerWithToken()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await app.test(.live) { client in
            let (status, body) = try await post(client, "{\"avs\": \"\(known.formatted)\"}", token: token)
            #expect(status == .ok)
            #expect(
                body
                    == "{\"known\":true,\"matches\":[{\"dispositif\":\"CMS\",\"node\":\"cms-vs\",\"lastFollowUp\":\"2025-04-17\"}],"
                    + "\"followedHere\":false,\"window\":{\"years\":3,\"from\":\"2023-11-23\",\"to\":\"2026-11-23\"}}"
            )
            let (_, unknown) = try await post(client, "{\"avs\": \"756.9217.0769.85\"}", token: token)
            #expect(unknown.hasPrefix("{\"known\":false,\"matches\":[]"))
        }
    }

    @Test func aBadNumberIsA422WithTheRuleInTheAskedLanguage() async throws {
        let (server, token) = try makeServerWithToken()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await app.test(.live) { client in
            let (status, body) = try await post(client, "{\"avs\": \"756.9217.0769.84\"}", language: "de-CH", token: token)
            #expect(status == .unprocessableContent)
            #expect(body.contains("\"code\":\"avs.wrong_check_digit\""))
            #expect(body.contains("Prüfziffer"))
            #expect(!body.contains("9217"))
            let (_, french) = try await post(client, "{\"avs\": \"123\"}", language: "fr", token: token)
            #expect(french.contains("avs.wrong_length") && french.contains("13 chiffres"))
            let (_, english) = try await post(client, "{\"avs\": \"756.9217.0769.8x\"}", token: token)
            #expect(english.contains("avs.invalid_character") && english.contains("Character 16"))
        }
    }

    @Test func malformedRequestsAreRefusedClearly() async throws {
        let (server, token) = try makeServerWithToken()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await app.test(.live) { client in
            let (status, body) = try await post(client, "{\"number\": 1}", token: token)
            #expect(status == .badRequest)
            #expect(body.contains("request.invalid_json"))
            let (tooLarge, _) = try await post(client, "{\"avs\": \"" + String(repeating: "7", count: 100_000) + "\"}", token: token)
            #expect(tooLarge == .contentTooLarge)
            for broken in ["", "{\"avs\": \"756.9217.0769.85\"", "{\"avs\": 7569217076985}", "{\"avs\": \"756.9217.0769.85\"} {}", "{'avs': '1'}"] {
                let (status, body) = try await post(client, broken, token: token)
                #expect(status == .badRequest, "\(broken)")
                #expect(body.contains("request.invalid_json"))
            }
            // JSON the quick scan leaves to JSONDecoder is answered as before.
            let (escaped, answer) = try await post(client, "{\"extra\": [1], \"avs\": \"756\\u002e9217.0769.85\"}", token: token)
            #expect(escaped == .ok)
            #expect(answer.hasPrefix("{\"known\":false"))
        }
    }

    @Test func checksNeedATokenOrASession() async throws {
        let (server, token) = try makeServerWithToken()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await app.test(.router) { client in
            let (none, noneBody) = try await post(client, "{\"avs\": \"\(known.formatted)\"}", token: nil)
            #expect(none == .unauthorized)
            #expect(noneBody.contains("auth.required"))
            let (bad, badBody) = try await post(client, "{\"avs\": \"\(known.formatted)\"}", token: token + "x")
            #expect(bad == .unauthorized)
            #expect(badBody.contains("auth.bad_token"))
            let (good, _) = try await post(client, "{\"avs\": \"\(known.formatted)\"}", token: token)
            #expect(good == .ok)
            let id = try #require(try server.access.apiTokens().first?.id)
            try server.access.revokeToken(id, by: "cli")
            let (revoked, _) = try await post(client, "{\"avs\": \"\(known.formatted)\"}", token: token)
            #expect(revoked == .unauthorized)
        }
        let checks = audit.all.filter { $0.kind == .check }
        #expect(checks.count == 1)
        #expect(checks.first?.detail("matches") == "1")
        #expect(checks.first?.detail("fingerprint")?.count == 64)
        let digits = known.formatted.filter(\.isNumber)
        #expect(!audit.all.contains { "\($0)".contains(known.formatted) || "\($0)".contains(digits) })
    }

    @Test func eachTokenIsRateLimited() async throws {
        var settings = AccessSettings()
        settings.tokenChecksPerMinute = 2
        let (server, token) = try makeServerWithToken(settings: settings)
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await app.test(.router) { client in
            for _ in 0..<2 {
                let (status, _) = try await post(client, "{\"avs\": \"\(known.formatted)\"}", token: token)
                #expect(status == .ok)
            }
            try await client.execute(
                uri: "/api/v1/checks",
                method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(token)", .acceptLanguage: "de"],
                body: ByteBuffer(string: "{\"avs\": \"\(known.formatted)\"}")
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] == "60")
                #expect(String(buffer: response.body).contains("check.rate_limited"))
                #expect(String(buffer: response.body).contains("pro Minute"))
            }
        }
    }

    @Test func healthAndMetricsAreServed() async throws {
        let (server, token) = try makeServerWithToken()
        let app = try server.makeApplication(tls: nil, port: 0, logger: Logger(label: "test"))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await app.test(.live) { client in
            _ = try await post(client, "{\"avs\": \"\(known.formatted)\"}", token: token)
            _ = try await post(client, "{\"avs\": \"756.9217.0769.85\"}", token: token)
            _ = try await post(client, "{\"avs\": \"1\"}", token: token)
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "{\"status\":\"ok\",\"node\":\"orp-vs\",\"role\":\"dispositif\"}")
            }
            // The default `metrics.allow` is loopback, where the test client is.
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                // A hit and a miss are counted alike: the metrics tell no answer.
                #expect(text.contains("ciid_checks_total{outcome=\"answered\"} 2"))
                #expect(!text.contains("\"known\"") && !text.contains("\"unknown\""))
                #expect(text.contains("ciid_checks_total{outcome=\"invalid_avs\"} 1"))
                #expect(text.contains("ciid_check_duration_seconds_count 2"))
                #expect(text.contains("ciid_build_info{version=\"\(CIIVersion.current)\""))
                #expect(text.contains("\nprocess_open_fds "))
            }
        }
    }

    @Test func sentencesSayTheAnswerInEachLanguage() throws {
        let answer = CheckAnswer(
            matches: [.init(dispositif: .cms, node: "cms-vs", lastFollowUp: Day(year: 2025, month: 4, day: 17)!)],
            followedHere: true,
            window: .standard,
            windowStart: Day(year: 2023, month: 11, day: 23)!,
            checkedOn: today,
            fingerprint: Fingerprint(words: (0, 0, 0, 0))
        )
        #expect(
            CheckAnswerFormat.sentence(answer, language: .en).hasPrefix(
                "Known at another dispositif in the last 3 years: CMS (last follow-up 17.04.2025)."
            )
        )
        #expect(CheckAnswerFormat.sentence(answer, language: .de).contains("SMZ (letzte Betreuung am 17.04.2025)"))
        #expect(CheckAnswerFormat.sentence(answer, language: .fr).contains("CMS (dernier suivi le 17.04.2025)"))
        var none = answer
        none.matches = []
        none.followedHere = false
        #expect(
            CheckAnswerFormat.sentence(none, language: .fr)
                == "Inconnu·e des autres dispositifs durant les 3 dernières années (depuis le 23.11.2023)."
        )
    }
}
