import CIICore
import CIITestSupport
import Curl
import Foundation
import Testing

extension EndToEndTests {
    /// A real `ciid serve` after a hit, a miss, a bad number, an anonymous check and a failed
    /// login: its whole `/metrics` (node, HTTP, process) passes `promtool check metrics`, and no
    /// label tells whether a check hit.
    @Test func metricsPassPromtoolAndTellNoAnswer() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let known = AVSNumber(completing: 756_300_000_011)
        try makeNode(known: known, alsoOurs: AVSNumber(completing: 756_300_000_012))
        let token = try apiToken()
        let server = try CIIDProcess.start(["serve", "--data-dir", node, "--port", "0", "--port-file", folder + "/port"], in: folder)
        defer { server.stop(SIGKILL) }
        let base = "https://localhost:\(try waitForPort(folder + "/port", server: server))"
        let ca = node + "/tls/ca.crt"
        func check(_ avs: String, token: String?) throws -> Int {
            var headers = [("Content-Type", "application/json")]
            if let token { headers.append(("Authorization", "Bearer \(token)")) }
            let body = Array("{\"avs\":\"\(avs)\"}".utf8)
            return try Curl.perform(HTTPRequest(method: "POST", url: base + "/api/v1/checks", headers: headers, body: body, caFile: ca)).status
        }
        #expect(try check(known.formatted, token: token) == 200)
        #expect(try check(AVSNumber(completing: 756_300_000_013).formatted, token: token) == 200)
        #expect(try check("756.9217.0769.84", token: token) == 422)
        #expect(try check(known.formatted, token: nil) == 401)
        // A login attempt with an address nobody has (the form's anti-forgery token is the cookie's).
        let csrf = String(repeating: "c", count: 43)
        let login = try Curl.perform(
            HTTPRequest(
                method: "POST",
                url: base + "/login",
                headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", "__Host-ciid-csrf=\(csrf)")],
                body: Array("csrf=\(csrf)&email=nobody%40example.org&password=not-this-one".utf8),
                caFile: ca,
                timeoutSeconds: 20
            )
        )
        #expect(login.status != 403, "the login form was refused before the password was tried: \(login.text)")

        let metrics = try Curl.perform(HTTPRequest(url: base + "/metrics", caFile: ca))
        #expect(metrics.status == 200, "the default metrics.allow serves loopback")
        let text = metrics.text
        #expect(text.contains("ciid_checks_total{outcome=\"answered\"} 2"), "\(text)")
        #expect(text.contains("ciid_checks_total{outcome=\"invalid_avs\"} 1"))
        #expect(text.contains("ciid_checks_total{outcome=\"forbidden\"} 1"))
        #expect(text.contains("ciid_logins_total{outcome=\"refused\"} 1"), "\(text)")
        #expect(!text.contains("\"known\"") && !text.contains("\"unknown\""), "a label tells whether a check hit")
        #expect(text.contains("ciid_build_info{version=\"\(CIIVersion.current)\""))
        for family in [
            "process_cpu_seconds_total", "process_resident_memory_bytes", "process_virtual_memory_bytes", "process_open_fds",
            "process_max_fds", "process_start_time_seconds", "http_server_requests_total", "http_server_request_duration_seconds",
            "http_server_active_requests",
        ] {
            #expect(text.contains("# HELP \(family) "), "\(family) is missing or has no help")
        }
        let started = try #require(
            text.split(separator: "\n").first { $0.hasPrefix("process_start_time_seconds ") }.flatMap { Double($0.split(separator: " ")[1]) }
        )
        #expect(abs(started - Date().timeIntervalSince1970) < 600, "process_start_time_seconds is a Unix time: \(started)")
        let checked = try Promtool.check(text)
        #expect(checked.status == 0, "promtool check metrics:\n\(checked.output)\n\(text)")
    }

    /// `metrics.allow` without loopback refuses a loopback client; the token of
    /// `metrics.token_file` opens the metrics, a wrong one does not; a token file others can read
    /// stops `ciid serve` from starting.
    @Test func metricsAreServedToTheAllowListOrTheTokenOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeNode(known: AVSNumber(completing: 756_300_000_014), alsoOurs: AVSNumber(completing: 756_300_000_015))
        let conf = node + "/ciid.conf"
        let original = try String(contentsOfFile: conf, encoding: .utf8)
        #expect(original.contains("\nallow = 127.0.0.0/8, ::1\n"), "ciid init writes the default")
        try original.replacingOccurrences(of: "\nallow = 127.0.0.0/8, ::1\n", with: "\nallow = 192.0.2.0/24, 2001:db8::/32\n")
            .replacingOccurrences(of: "# token_file = keys/metrics.token", with: "token_file = keys/metrics.token")
            .write(toFile: conf, atomically: true, encoding: .utf8)
        let token = "metrics-" + UUID().uuidString + UUID().uuidString
        let tokenFile = node + "/keys/metrics.token"
        #expect(FileManager.default.createFile(atPath: tokenFile, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o644]))
        let refused = try CIIDProcess.run(["serve", "--data-dir", node, "--port", "0"], in: folder, timeout: 30)
        #expect(refused.status != 0)
        #expect(refused.error.contains("metrics.token_file") && refused.error.contains("chmod 600"), "\(refused.error)")
        #expect(!refused.error.contains(token))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokenFile)

        let server = try CIIDProcess.start(["serve", "--data-dir", node, "--port", "0", "--port-file", folder + "/port"], in: folder)
        defer { server.stop(SIGKILL) }
        let base = "https://localhost:\(try waitForPort(folder + "/port", server: server))"
        let ca = node + "/tls/ca.crt"
        func scrape(_ headers: [(String, String)] = []) throws -> HTTPResponse {
            try Curl.perform(HTTPRequest(url: base + "/metrics", headers: headers, caFile: ca))
        }
        #expect(try Curl.perform(HTTPRequest(url: base + "/healthz", caFile: ca)).status == 200, "the node is up")
        let anonymous = try scrape()
        #expect(anonymous.status == 404, "a loopback client outside metrics.allow got \(anonymous.status)")
        #expect(!anonymous.text.contains("ciid_"))
        #expect(try scrape([("Authorization", "Bearer " + token.dropLast() + "x")]).status == 404)
        #expect(try scrape([("Authorization", "Bearer ")]).status == 404)
        let allowed = try scrape([("Authorization", "Bearer \(token)")])
        #expect(allowed.status == 200)
        #expect(allowed.text.contains("ciid_checks_total{outcome=\"answered\"} 0"))
        #expect(server.stop(SIGTERM) == 0)
        #expect(!server.errors().contains(token), "the token is in the log")
    }

    /// A new API token for checks.
    func apiToken() throws -> String {
        let created = try ciid("token", "create", "--data-dir", node, "--name", "metrics")
        #expect(created.status == 0, "\(created.error)")
        return try #require(created.output.split(separator: "\n").first { $0.hasPrefix("ciid_") }.map(String.init))
    }
}
