import Curl
import Foundation
import Testing

/// A real `ciid serve` under systemd's default open-file limit (1,024), flooded by one client
/// address with connections that start a TLS handshake and never finish it: the node keeps
/// answering other clients, refuses the client's connections beyond its cap at once, and closes
/// the rest when the handshake timeout passes.
@Suite(.serialized) struct ConnectionFloodTests {
    let folder: String
    let node: String

    init() throws {
        folder = try CIIDProcess.temporaryFolder()
        node = folder + "/orp"
    }

    /// `ciid init` and `ciid keys generate` of a dispositif node, with `settings`
    /// (keys of `ciid.conf`'s `[server]` section and their values) changed from their defaults.
    func makeNode(settings: [String: Int] = [:]) throws {
        let created = try CIIDProcess.run(
            ["init", "--data-dir", node, "--dispositif", "ORP", "--node-id", "orp-vs", "--listen", "127.0.0.1:0"],
            in: folder
        )
        try #require(created.status == 0, "\(created.error)")
        let generated = try CIIDProcess.run(["keys", "generate", "--data-dir", node], in: folder)
        try #require(generated.status == 0, "\(generated.error)")
        guard !settings.isEmpty else { return }
        let path = node + "/ciid.conf"
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (key, value) in settings {
            let index = try #require(lines.firstIndex { $0.hasPrefix("\(key) =") }, "ciid.conf has no \(key)")
            lines[index] = "\(key) = \(value)"
        }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Starts `ciid serve` with at most `openFiles` open files and returns it with its port.
    func serve(openFiles: Int) throws -> (CIIDProcess.Running, Int) {
        let portFile = folder + "/port-\(UUID().uuidString)"
        let server = try CIIDProcess.start(
            ["--nofile=\(openFiles):\(openFiles)", CIIDProcess.binary, "serve", "--data-dir", node, "--port", "0", "--port-file", portFile],
            in: folder,
            executable: "/usr/bin/prlimit"
        )
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, server.process.isRunning {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return (server, port)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        server.stop(SIGKILL)
        throw HarnessError("ciid serve did not start: \(server.errors())")
    }

    /// `GET /healthz` from 127.0.0.1, given at most `seconds`: whether it answered 200, and how long it took.
    func health(_ port: Int, within seconds: Int = 5) -> (ok: Bool, seconds: Double) {
        let started = Date()
        let response = try? Curl.perform(
            HTTPRequest(url: "https://127.0.0.1:\(port)/healthz", caFile: node + "/tls/ca.crt", timeoutSeconds: seconds)
        )
        return (response?.status == 200, Date().timeIntervalSince(started))
    }

    @Test func aFloodOfUnfinishedHandshakesFromOneAddressDoesNotTakeTheNodeDown() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeNode()  // the defaults: handshake 10 s, idle 60 s, 256 connections per address
        let (server, port) = try serve(openFiles: 1024)
        defer { server.stop(SIGKILL) }
        #expect(health(port).ok, "the node does not answer before the flood: \(server.errors())")

        let flood = HeldConnections()
        defer { flood.closeAll() }
        let floodStarted = Date()
        for _ in 0..<4 {
            for _ in 0..<275 where flood.failures < 20 && Date().timeIntervalSince(floodStarted) < 60 {
                flood.open(from: "127.0.0.2", to: port, sending: HeldConnections.partialClientHello)
            }
            let probe = health(port)
            #expect(probe.ok, "/healthz did not answer during the flood (\(flood.sockets.count) connections held)")
            #expect(probe.seconds < 5)
        }
        #expect(flood.sockets.count == 1100, "\(flood.failures) connections could not be opened")

        // The cap: all but 256 are closed at once, the 256 stay until the handshake timeout.
        #expect(Polling.eventually(within: 5) { flood.openCount() <= 256 }, "\(flood.openCount()) connections still open")
        let held = flood.openCount()
        if Date().timeIntervalSince(floodStarted) < 9 { #expect(held == 256) }
        // The handshake timeout (10 s) closes the rest.
        #expect(Polling.eventually(within: 25) { flood.openCount() == 0 }, "\(flood.openCount()) connections still open")
        #expect(Date().timeIntervalSince(floodStarted) >= 9, "closed before the handshake timeout")
        #expect(health(port).ok)
        #expect(server.stop(SIGTERM) == 0, "\(server.errors())")
        // One warning for the whole flood, not one per refused connection.
        let warnings = server.errors().split(separator: "\n").filter { $0.contains("127.0.0.2 holds 256 connections") }
        #expect(warnings.count == 1, "\(warnings)")
    }

    @Test func silentConnectionsAreClosedAfterTheIdleTimeoutAndTheCapCountsPerAddress() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeNode(settings: ["handshake_timeout_seconds": 60, "idle_timeout_seconds": 2, "max_connections_per_address": 5])
        let (server, port) = try serve(openFiles: 1024)
        defer { server.stop(SIGKILL) }
        #expect(health(port).ok, "\(server.errors())")

        let silent = HeldConnections()
        defer { silent.closeAll() }
        let opened = Date()
        for _ in 0..<6 { silent.open(from: "127.0.0.3", to: port, sending: []) }
        #expect(silent.sockets.count == 6)
        // The sixth is over the cap and closed at once; the node still answers another address.
        #expect(Polling.eventually(within: 1.5) { silent.openCount() == 5 }, "\(silent.openCount()) open")
        #expect(health(port).ok)
        // Nothing sent, nothing received: closed by the idle timeout, long before the handshake one.
        #expect(Polling.eventually(within: 10) { silent.openCount() == 0 }, "\(silent.openCount()) open")
        let elapsed = Date().timeIntervalSince(opened)
        #expect(elapsed >= 1.5 && elapsed < 12, "closed after \(elapsed) s")
        #expect(server.stop(SIGTERM) == 0, "\(server.errors())")
    }

    @Test func aHandshakeSentByteByByteIsCutAtTheHandshakeTimeout() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try makeNode(settings: ["handshake_timeout_seconds": 2, "idle_timeout_seconds": 60])
        let (server, port) = try serve(openFiles: 1024)
        defer { server.stop(SIGKILL) }
        #expect(health(port).ok, "\(server.errors())")

        let slow = HeldConnections()
        defer { slow.closeAll() }
        let opened = Date()
        slow.open(from: "127.0.0.4", to: port, sending: Array(HeldConnections.partialClientHello.prefix(1)))
        #expect(slow.sockets.count == 1)
        // One byte every 0.3 s: never idle, never a finished handshake.
        var sent = 1
        while slow.openCount() == 1, Date().timeIntervalSince(opened) < 15 {
            Thread.sleep(forTimeInterval: 0.3)
            slow.sendAll([HeldConnections.partialClientHello[sent % HeldConnections.partialClientHello.count]])
            sent += 1
        }
        let elapsed = Date().timeIntervalSince(opened)
        #expect(slow.openCount() == 0, "still open after \(elapsed) s")
        #expect(elapsed >= 1.5 && elapsed < 6, "closed after \(elapsed) s, \(sent) bytes")
        #expect(server.stop(SIGTERM) == 0, "\(server.errors())")
    }
}
