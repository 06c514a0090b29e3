import CIICore
import CIIStore
import Foundation
import Testing

/// Network namespaces made by the test itself: a veth link between the host and one node's
/// namespace, cut and restored. Needs root and `ip netns`; skipped with a message otherwise.
enum NetworkLab {
    static let available: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip") else { return false }
        let name = "ciid-probe-\(getpid())"
        defer { _ = run("netns", "del", name) }
        return run("netns", "add", name) && run("-n", name, "link", "set", "lo", "up")
    }()

    @discardableResult
    static func run(_ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A namespace linked to the host by a veth pair: host side `10.231.N.1/30`, namespace side `10.231.N.2/30`.
    final class Link {
        let namespace: String
        let hostDevice: String
        let hostAddress: String
        let namespaceAddress: String

        init() throws {
            let n = Int(getpid() % 200) + 20
            namespace = "ciid-test-\(getpid())"
            hostDevice = "ciidh\(getpid() % 100_000)"
            let peerDevice = "ciidn\(getpid() % 100_000)"
            hostAddress = "10.231.\(n).1"
            namespaceAddress = "10.231.\(n).2"
            let ok =
                run("netns", "add", namespace) && run("link", "add", hostDevice, "type", "veth", "peer", "name", peerDevice)
                && run("link", "set", peerDevice, "netns", namespace) && run("addr", "add", "\(hostAddress)/30", "dev", hostDevice)
                && run("link", "set", hostDevice, "up") && run("-n", namespace, "addr", "add", "\(namespaceAddress)/30", "dev", peerDevice)
                && run("-n", namespace, "link", "set", peerDevice, "up") && run("-n", namespace, "link", "set", "lo", "up")
            guard ok else {
                tearDown()
                throw HarnessError("cannot build the test network")
            }
        }

        func cut() { NetworkLab.run("link", "set", hostDevice, "down") }
        func restore() { NetworkLab.run("link", "set", hostDevice, "up") }

        func tearDown() {
            NetworkLab.run("link", "del", hostDevice)
            NetworkLab.run("netns", "del", namespace)
        }

        deinit { tearDown() }
    }
}

@Suite(.serialized) struct NetworkPartitionTests {
    @Test(.enabled(if: NetworkLab.available, "needs root and `ip netns` to make its own test hosts"))
    func aNodeCutOffByAPartitionCatchesUpWhenTheLinkReturns() throws {
        let link = try NetworkLab.Link()
        let federation = try FederationHarness(
            dispositifs: [.orp, .cms],
            placement: [
                "cii-vs": (link.hostAddress, nil), "orp-vs": (link.hostAddress, nil), "cms-vs": (link.namespaceAddress, link.namespace),
            ]
        )
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10 }, "\(federation.log("orp-vs"))")

        link.cut()
        let failures = try federation.store("orp-vs").deliveries().first { $0.peer == "cms-vs" }?.failures ?? 0
        try federation.importCSV("orp-vs", FederationHarness.csv(5...25))
        // First the positive signal that orp-vs tried to deliver across the cut (and failed), then the check.
        let tried = try federation.eventually(within: 60) {
            try (federation.store("orp-vs").deliveries().first { $0.peer == "cms-vs" }?.failures ?? 0) > failures
        }
        #expect(tried, "orp-vs made no delivery attempt across the cut")
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10, "the partition did not hold")
        #expect(try federation.store("orp-vs").deliveries().first { $0.peer == "cms-vs" }?.lastError != nil)

        link.restore()
        #expect(
            try federation.eventually(within: 90) { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 21 },
            "\(federation.log("cms-vs"))"
        )
        #expect(try federation.store("cms-vs").checkpoint(of: NodeID("orp-vs")) == (try federation.store("orp-vs").lastSequence()))
    }
}
