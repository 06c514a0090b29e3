import CIICore
import CIIStore
import Curl
import Foundation
import Testing

/// The real `ciid` binary, as an administrator and a caseworker use it: init, import, check by
/// CLI and over real HTTPS on loopback.
@Suite(.serialized) struct EndToEndTests {
    let folder: String
    let node: String

    init() throws {
        folder = try CIIDProcess.temporaryFolder()
        node = folder + "/orp"
    }

    func ciid(_ arguments: String...) throws -> CIIDProcess.Result {
        try CIIDProcess.run(arguments, in: folder)
    }

    /// `ciid init` of a coordinator `cii-vs` in `path`, listening on free ports of loopback.
    func initCoordinator(_ path: String) throws {
        let created = try CIIDProcess.run(
            [
                "init", "--data-dir", path, "--role", "coordinator", "--node-id", "cii-vs", "--listen", "127.0.0.1:0", "--federation-listen",
                "127.0.0.1:0", "--endpoint", "https://localhost:8443", "--federation-endpoint", "https://localhost:8444",
            ],
            in: folder
        )
        #expect(created.status == 0, "\(created.error)")
    }

    /// init + key + the replica of a peer holding `known` (CMS) and `alsoOurs` (OAI).
    func makeNode(known: AVSNumber, alsoOurs: AVSNumber) throws {
        let created = try ciid(
            "init",
            "--data-dir",
            node,
            "--role",
            "dispositif",
            "--dispositif",
            "ORP",
            "--node-id",
            "orp-vs",
            "--listen",
            "127.0.0.1:0"
        )
        #expect(created.status == 0, "\(created.error)")
        #expect(try ciid("keys", "generate", "--data-dir", node).status == 0)
        let directory = NodeDirectory(root: node)
        let key = try #require(try FederationKeyStore(directory: directory).keys().first)
        let fingerprinter = Fingerprinter(key: key)
        let store = try NodeStore(path: directory.database)
        try store.upsertReplica([
            ReplicaEntry(
                origin: try NodeID("cms-vs"),
                dispositif: .cms,
                fingerprint: fingerprinter.fingerprint(known),
                epoch: key.epoch,
                lastOn: Day.today().adding(days: -40)
            ),
            ReplicaEntry(
                origin: try NodeID("oai-vs"),
                dispositif: .oai,
                fingerprint: fingerprinter.fingerprint(alsoOurs),
                epoch: key.epoch,
                lastOn: Day.today()
            ),
        ])
    }

    @Test func initImportAndCheckByCLIAndHTTPS() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let known = AVSNumber(completing: 756_300_000_001)
        let ours = try AVSNumber("756.9217.0769.85")
        try makeNode(known: known, alsoOurs: ours)
        for path in ["keys/signing.key", "keys/box.key", "keys/federation.json", "tls/node.key", "ciid.conf"] {
            let mode = try FileManager.default.attributesOfItem(atPath: "\(node)/\(path)")[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(path) should be 0600")
        }

        let csv = """
            N° AVS;Début du suivi;Dernier suivi;Conseiller
            756.9217.0769.85;01.02.2024;;c-17
            756.1234.5678.97;01.02.2024;\(Day.today().adding(days: -3).swiss);c-18

            """
        try csv.write(toFile: folder + "/orp.csv", atomically: true, encoding: .utf8)
        let imported = try ciid("import", "--data-dir", node, "orp.csv")
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("2 people imported"))

        let cli = try ciid("check", "--data-dir", node, "--json", known.formatted)
        #expect(cli.status == 0)
        #expect(cli.output.contains("\"known\":true"))
        #expect(cli.output.contains("\"dispositif\":\"CMS\""))
        let ourPerson = try ciid("check", "--data-dir", node, "--lang", "de", "756 9217 0769 85")
        #expect(ourPerson.output.contains("IV"))
        #expect(ourPerson.output.contains("Die Person ist auch in den Betreuungen Ihres Dispositivs erfasst."))
        let unknown = try ciid("check", "--data-dir", node, "756.1234.5678.97")
        #expect(unknown.output.hasPrefix("Not known at another dispositif in the last 3 years"))
        let bad = try ciid("check", "--data-dir", node, "--lang", "fr", "756.9217.0769.84")
        #expect(bad.status == 2)
        #expect(bad.error.contains("avs.wrong_check_digit"))
        #expect(!bad.error.contains("9217"))

        let tokenOutput = try ciid("token", "create", "--data-dir", node, "--name", "end-to-end")
        #expect(tokenOutput.status == 0, "\(tokenOutput.error)")
        let token = try #require(tokenOutput.output.split(separator: "\n").first { $0.hasPrefix("ciid_") }.map(String.init))
        let server = try CIIDProcess.start(["serve", "--data-dir", node, "--port", "0", "--port-file", folder + "/port"], in: folder)
        defer { server.stop(SIGKILL) }
        let port = try waitForPort(folder + "/port", server: server)
        let ca = node + "/tls/ca.crt"
        let answer = try Curl.perform(
            HTTPRequest(
                method: "POST",
                url: "https://localhost:\(port)/api/v1/checks",
                headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")],
                body: Array("{\"avs\":\"\(known.formatted)\"}".utf8),
                caFile: ca,
                timeoutSeconds: 10
            )
        )
        #expect(answer.status == 200)
        #expect(answer.text.contains("\"node\":\"cms-vs\""))
        let refused = try Curl.perform(
            HTTPRequest(
                method: "POST",
                url: "https://127.0.0.1:\(port)/api/v1/checks",
                headers: [("Authorization", "Bearer \(token)")],
                body: Array("{\"avs\":\"756\"}".utf8),
                caFile: ca
            )
        )
        #expect(refused.status == 422)
        let anonymous = try Curl.perform(
            HTTPRequest(method: "POST", url: "https://127.0.0.1:\(port)/api/v1/checks", body: Array("{\"avs\":\"756\"}".utf8), caFile: ca)
        )
        #expect(anonymous.status == 401)
        #expect(refused.text.contains("avs.wrong_length"))
        let health = try Curl.perform(HTTPRequest(url: "https://localhost:\(port)/healthz", caFile: ca))
        #expect(health.text.contains("\"node\":\"orp-vs\""))
        let metrics = try Curl.perform(HTTPRequest(url: "https://localhost:\(port)/metrics", caFile: ca))
        #expect(metrics.text.contains("ciid_checks_total{outcome=\"answered\"} 1"))
        // Real TLS: without the node's CA, the client refuses the certificate.
        #expect(throws: CurlError.self) { try Curl.perform(HTTPRequest(url: "https://localhost:\(port)/healthz", timeoutSeconds: 10)) }

        #expect(server.stop(SIGTERM) == 0, "ciid serve should stop cleanly on SIGTERM: \(server.errors())")
        #expect(server.errors().contains("stopped"))
        // Nothing secret in what the server logged.
        #expect(!server.errors().contains("9217"))
        #expect(!server.errors().contains(token))
        // The checks are in the audit log, whose chain verifies.
        let verified = try ciid("audit", "verify", "--data-dir", node)
        #expect(verified.status == 0, "\(verified.output)\(verified.error)")
    }

    @Test func initRefusesToOverwriteANodeAndCommandsExplainAMissingOne() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeNode(known: AVSNumber(completing: 756_300_000_002), alsoOurs: AVSNumber(completing: 756_300_000_003))
        let keyBefore = try String(contentsOfFile: node + "/keys/signing.key", encoding: .utf8)
        let again = try ciid("init", "--data-dir", node, "--role", "dispositif", "--dispositif", "CMS", "--node-id", "cms-vs")
        #expect(again.status != 0)
        #expect(again.error.contains("already holds a node"))
        #expect(try String(contentsOfFile: node + "/keys/signing.key", encoding: .utf8) == keyBefore)

        let missing = try ciid("check", "--data-dir", folder + "/nowhere", "756.9217.0769.85")
        #expect(missing.status != 0)
        #expect(missing.error.contains("no node at"))
        let badRole = try ciid("init", "--data-dir", folder + "/x", "--role", "boss", "--node-id", "x")
        #expect(badRole.status != 0)
        #expect(badRole.error.contains("--role"))
        let noKey = folder + "/nokey"
        #expect(try ciid("init", "--data-dir", noKey, "--dispositif", "CMS", "--node-id", "cms-vs").status == 0)
        let check = try ciid("check", "--data-dir", noKey, "756.9217.0769.85")
        #expect(check.error.contains("holds no federation key"))
    }

    @Test func aKeyExportedFromOneNodeFingerprintsTheSameOnAnother() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeNode(known: AVSNumber(completing: 756_300_000_004), alsoOurs: AVSNumber(completing: 756_300_000_005))
        #expect(try ciid("keys", "export", "--data-dir", node, "--epoch", "1", "--output", folder + "/epoch1.key").status == 0)
        let other = folder + "/cms"
        #expect(try ciid("init", "--data-dir", other, "--dispositif", "CMS", "--node-id", "cms-vs").status == 0)
        let imported = try ciid("keys", "import", "--data-dir", other, folder + "/epoch1.key")
        #expect(imported.status == 0, "\(imported.error)")
        let a = try ciid("keys", "list", "--data-dir", node).output
        let b = try ciid("keys", "list", "--data-dir", other).output
        #expect(a == b)
        #expect(a.contains("epoch 1"))
    }

    func waitForPort(_ path: String, server: CIIDProcess.Running) throws -> Int {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            guard server.process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("ciid serve did not start: \(server.errors())")
        throw CancellationError()
    }
}
