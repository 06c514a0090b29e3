import CIIAudit
import CIICore
import CIIStore
import Curl
import Foundation
import Testing

extension EndToEndTests {
    /// Sets the soft file size limit of process `pid` (`prlimit`): `nil` lifts it.
    func limitFileSize(of pid: Int32, to bytes: Int64?) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--pid", String(pid), "--fsize=\(bytes.map(String.init) ?? "unlimited"):"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "prlimit failed")
    }

    /// When the audit log cannot be written (here the file size limit of the running node, which
    /// then gets EFBIG), checks answer 503 and are not answered without their entry; `ciid status`,
    /// the metrics and the log say why (the log once); once writes succeed again, the node recovers
    /// by itself. Fails on the old code: it answered 200 while nothing was written.
    @Test func checksWaitForTheirAuditAndStopWhenTheDiskRefusesIt() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let known = AVSNumber(completing: 756_300_000_021)
        try makeNode(known: known, alsoOurs: AVSNumber(completing: 756_300_000_022))
        // Some history first, so that the size limit set below stops the audit log before SQLite's smaller files.
        let directory = NodeDirectory(root: node)
        let history = try AuditLog(directory: AuditLog.directory(of: directory), key: AuditKey.loadOrCreate(at: AuditKey.path(of: directory)))
        try history.append(Array(repeating: AuditEvent(kind: .adminAction, actor: "system", details: ["action": "history"]), count: 4000))

        let tokenOutput = try ciid("token", "create", "--data-dir", node, "--name", "audit-disk")
        let token = try #require(tokenOutput.output.split(separator: "\n").first { $0.hasPrefix("ciid_") }.map(String.init))
        let server = try CIIDProcess.start(["serve", "--data-dir", node, "--port", "0", "--port-file", folder + "/port"], in: folder)
        defer { server.stop(SIGKILL) }
        let port = try waitForPort(folder + "/port", server: server)
        let ca = node + "/tls/ca.crt"
        func check() throws -> HTTPResponse {
            try Curl.perform(
                HTTPRequest(
                    method: "POST",
                    url: "https://localhost:\(port)/api/v1/checks",
                    headers: [("Content-Type", "application/json"), ("Authorization", "Bearer \(token)")],
                    body: Array("{\"avs\":\"\(known.formatted)\"}".utf8),
                    caFile: ca,
                    timeoutSeconds: 20
                )
            )
        }
        func metrics() throws -> String { try Curl.perform(HTTPRequest(url: "https://localhost:\(port)/metrics", caFile: ca)).text }
        func auditBytes() throws -> Int {
            let folder = node + "/audit"
            return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".jsonl") }.reduce(0) {
                $0 + ((try FileManager.default.attributesOfItem(atPath: "\(folder)/\($1)")[.size] as? Int) ?? 0)
            }
        }
        let fingerprint = Fingerprinter(key: try #require(try FederationKeyStore(directory: directory).keys().first)).fingerprint(known).hex

        #expect(try check().status == 200)
        let newest = try #require(
            try FileManager.default.contentsOfDirectory(atPath: node + "/audit").filter { $0.hasPrefix("audit-") && $0.hasSuffix(".jsonl") }.max()
        )
        let size = try #require(try FileManager.default.attributesOfItem(atPath: "\(node)/audit/\(newest)")[.size] as? Int)
        // The check's entry was written before its answer came.
        #expect(try String(contentsOfFile: "\(node)/audit/\(newest)", encoding: .utf8).contains(fingerprint))

        try limitFileSize(of: server.pid, to: Int64(size))
        let before = try auditBytes()
        let refused = try check()
        #expect(refused.status == 503, "\(refused.status) \(refused.text)")
        #expect(refused.text.contains("\"code\":\"audit.unavailable\""), "\(refused.text)")
        #expect(try check().status == 503)
        #expect(try auditBytes() == before, "nothing may be written while the limit holds")
        let status = try ciid("status", "--data-dir", node)
        #expect(status.output.contains("audit         CANNOT WRITE since"), "\(status.output)")
        #expect(status.output.contains("File too large"), "\(status.output)")
        let failing = try metrics()
        #expect(failing.contains("ciid_audit_writable 0"), "\(failing)")
        #expect(failing.contains("ciid_audit_refused_reads_total 2"), "\(failing)")
        #expect(server.errors().components(separatedBy: "the audit log cannot be written").count == 2, "logged once: \(server.errors())")

        try limitFileSize(of: server.pid, to: nil)
        let recovered = try check()
        #expect(recovered.status == 200, "\(recovered.text)")
        #expect(try ciid("status", "--data-dir", node).output.contains("audit         writable"))
        #expect(try metrics().contains("ciid_audit_writable 1"))
        #expect(server.errors().contains("the audit log is writable again"))

        #expect(server.stop(SIGTERM) == 0, "\(server.errors())")
        #expect(try ciid("audit", "verify", "--data-dir", node).status == 0)
        let today = Day.today()
        let exported = try ciid("audit", "export", "--data-dir", node, "--from", today.adding(days: -1).iso, "--to", today.adding(days: 1).iso)
        let checks = exported.output.split(separator: "\n").filter { $0.contains(";check;") && $0.contains(fingerprint) }
        #expect(checks.count == 2, "the two answered checks, not the refused ones: \(exported.output)")
    }
}
