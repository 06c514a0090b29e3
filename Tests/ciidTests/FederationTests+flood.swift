import CIICore
import Curl
import Foundation
import Testing

extension FederationTests {
    /// The flood of `ConnectionFloodTests`, on the members-only port of a node that has joined:
    /// under systemd's default open-file limit, 1,100 unfinished handshakes from one address leave
    /// both of its ports answering, and a peer's changes still arrive.
    @Test func aFloodOnTheMembersPortLeavesTheNodeAnsweringOnBothPorts() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        federation.openFiles["orp-vs"] = 1024
        try federation.startAll()
        let port = try federation.federationPort("orp-vs")

        let flood = HeldConnections()
        defer { flood.closeAll() }
        let started = Date()
        for round in 0..<4 {
            for _ in 0..<275 where flood.failures < 20 && Date().timeIntervalSince(started) < 60 {
                flood.open(from: "127.0.0.2", to: port, sending: HeldConnections.partialClientHello)
            }
            // A member still reaches the members-only port, and the caseworkers' port answers too.
            let member = try? federation.send("GET", "/healthz", to: "orp-vs", as: "cms-vs")
            #expect(member?.status == 200, "round \(round): the members-only port did not answer a member (\(flood.sockets.count) held)")
            let caseworkers = try? Curl.perform(
                HTTPRequest(url: "\(try federation.url("orp-vs"))/healthz", caFile: try federation.caFile("orp-vs"), timeoutSeconds: 5)
            )
            #expect(caseworkers?.status == 200, "round \(round): the caseworkers' port did not answer")
        }
        #expect(flood.sockets.count == 1100, "\(flood.failures) connections could not be opened")
        // During the flood, a peer's changes still arrive.
        try federation.importCSV("cms-vs", FederationHarness.csv(1...5))
        #expect(
            try federation.eventually { try federation.replicaCount(at: "orp-vs", from: "cms-vs") == 5 },
            "\(federation.log("orp-vs").suffix(1500))"
        )
        // The cap holds the flood to 256 connections, and the handshake timeout closes those.
        #expect(Polling.eventually(within: 25) { flood.openCount() == 0 }, "\(flood.openCount()) connections still open")
        #expect(federation.stop("orp-vs") == 0, "\(federation.log("orp-vs").suffix(1500))")
    }
}
