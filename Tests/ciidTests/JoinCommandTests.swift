import Foundation
import Testing

/// Joining through the CLI as two administrators do it: the fingerprints `join-request`, `admit`
/// and `join` print agree; a second admission needs --replace; a changed admission is refused;
/// the certificate names the node's endpoint host only.
@Suite struct JoinCommandTests {
    /// The fingerprint printed on the line that starts with `label`.
    func fingerprint(_ label: String, in output: String) throws -> String {
        let line = try #require(
            output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) },
            "no \(label) in \(output)"
        )
        let value = line.trimmingCharacters(in: .whitespaces).dropFirst(label.count).trimmingCharacters(in: .whitespaces)
        #expect(value.split(separator: " ").count == 8, "\(line)")
        return value
    }

    @Test func administratorsCompareFingerprintsAndEachStepIsChecked() throws {
        let federation = try FederationHarness(dispositifs: [])
        let coordinator = try federation.folder("cii-vs")
        let node = federation.folder + "/cms-vs"
        try federation.ciid("init", "--data-dir", node, "--dispositif", "CMS", "--node-id", "cms-vs", "--listen", "127.0.0.1:19443")
        let request = federation.folder + "/cms.request"
        let requested = try federation.ciid("join-request", "--data-dir", node, "--output", request)
        #expect(requested.contains("https://cms-vs.localhost:19443") && requested.contains("https://cms-vs.localhost:19444"))
        let signing = try fingerprint("node signing key (Ed25519)", in: requested)
        let box = try fingerprint("node box key (X25519)", in: requested)

        let admission = federation.folder + "/cms.admission"
        let admitted = try federation.ciid("federation", "admit", "--data-dir", coordinator, request, "--output", admission)
        #expect(try fingerprint("node signing key (Ed25519)", in: admitted) == signing)
        #expect(try fingerprint("node box key (X25519)", in: admitted) == box)
        let coordinatorKey = try fingerprint("coordinator key (Ed25519)", in: admitted)

        // A second admission of the same node is refused without --replace, and names both.
        let again = try federation.ciidFailing("federation", "admit", "--data-dir", coordinator, request, "--output", admission + ".2")
        #expect(again.contains("cms-vs is already a member") && again.contains("--replace"), "\(again)")
        try federation.ciid("federation", "admit", "--data-dir", coordinator, request, "--output", admission + ".2", "--replace")

        // A changed admission is refused by join; the real one installs, and its fingerprint matches.
        let original = try String(contentsOfFile: admission, encoding: .utf8)
        try original.replacingOccurrences(of: "cii-vs.localhost", with: "evil.localhost").write(
            toFile: admission + ".changed",
            atomically: true,
            encoding: .utf8
        )
        let refused = try federation.ciidFailing("join", "--data-dir", node, admission + ".changed")
        #expect(refused.contains("not signed by the coordinator key it names"), "\(refused)")
        let joined = try federation.ciid("join", "--data-dir", node, admission + ".2")
        #expect(try fingerprint("coordinator key (Ed25519)", in: joined) == coordinatorKey)

        // The node's certificate names its endpoint host, and nothing else.
        let names = Process()
        names.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        names.arguments = ["x509", "-noout", "-ext", "subjectAltName", "-in", node + "/tls/node.crt"]
        let pipe = Pipe()
        names.standardOutput = pipe
        try names.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        names.waitUntilExit()
        #expect(text.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "DNS:cms-vs.localhost", "\(text)")
    }
}
