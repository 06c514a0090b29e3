import CIIFederation
import Curl
import Foundation

/// The tests' OpenID provider (`Tests/oidc/provider.py`, Authlib and Flask under Debian's
/// /usr/bin/python3) on 127.0.0.1 over HTTPS, with a certificate from a CA of the test's own:
/// started on a free port, told how to misbehave through its `/control` endpoint, stopped by its PID.
final class SwissIDProvider: @unchecked Sendable {
    let folder: String
    let process: Process
    let port: Int
    /// The CA file the client must trust for this provider (`swissid.ca_file`).
    let caFile: String
    static let clientID = "cii-vs-test"
    static let clientSecret = "test-client-secret-0123456789"
    static let redirectURL = "https://cii.test/login/swissid/callback"

    /// The issuer, as the provider names itself.
    var issuer: String { "https://localhost:\(port)" }

    /// Starts the provider and waits (at most 60 s) until it listens.
    init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ca = try CertificateAuthority.make(name: "OpenID provider test CA")
        let (certificate, key) = try ca.issueServerCertificate(commonName: "provider", hosts: ["localhost", "127.0.0.1"])
        caFile = folder + "/provider-ca.crt"
        try ca.caCertificatePEM.write(toFile: caFile, atomically: true, encoding: .utf8)
        try certificate.write(toFile: folder + "/provider.crt", atomically: true, encoding: .utf8)
        try key.write(toFile: folder + "/provider.key", atomically: true, encoding: .utf8)
        let portFile = folder + "/provider.port"
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "oidc/provider.py"
        )
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            source.path, "--certificate", folder + "/provider.crt", "--key", folder + "/provider.key", "--port-file", portFile,
            "--client-id", Self.clientID, "--client-secret", Self.clientSecret, "--redirect-uri", Self.redirectURL,
        ]
        _ = FileManager.default.createFile(atPath: folder + "/provider.log", contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/provider.log"))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            found = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
            if found == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        guard let found else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            let output = (try? String(contentsOfFile: folder + "/provider.log", encoding: .utf8)) ?? ""
            throw ProviderError("the OpenID provider did not start within 60 s: \(output.suffix(2000))")
        }
        port = found
    }

    /// Stops the provider (by its PID) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Tells the provider who logs in (`subject`), with which assurance level (`acr`, empty for
    /// none), how to misbehave (`mode`), or to rotate its key (`rotate`); returns its signing key's id.
    @discardableResult
    func control(_ body: [String: String]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: body)
        let answer = try Curl.perform(
            CurlRequest(
                method: "POST",
                url: "\(issuer)/control",
                headers: [("Content-Type", "application/json")],
                body: [UInt8](data),
                caFile: caFile,
                timeoutSeconds: 30
            )
        )
        guard answer.status == 200, let object = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any] else {
            throw ProviderError("the provider's /control answered \(answer.status): \(answer.text)")
        }
        return object["kid"] as? String ?? ""
    }

    /// How many times the client fetched the provider's keys.
    func keyFetches() throws -> Int {
        let answer = try Curl.perform(CurlRequest(url: "\(issuer)/stats", caFile: caFile, timeoutSeconds: 30))
        let object = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any]
        return object?["jwks_fetches"] as? Int ?? -1
    }

    /// Follows the provider's authorization endpoint at `url` (the person logs in at once) and
    /// returns where it sends the browser back: the redirect address with `code` and `state`.
    func authorize(_ url: String) throws -> String {
        let answer = try Curl.perform(CurlRequest(url: url, caFile: caFile, timeoutSeconds: 30))
        guard answer.status == 302 else { throw ProviderError("the provider's /authorize answered \(answer.status): \(answer.text)") }
        return answer.text
    }
}

/// The provider failed to start or answered unexpectedly.
struct ProviderError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
