import CIICore
import CIIFederation
import CIIStore
import Foundation

/// A federation of real `ciid` processes on loopback, in a temporary folder: a coordinator and
/// dispositif nodes, initialised, admitted and joined through the CLI, each serving HTTPS on a
/// free port. Every process it starts is stopped by PID when it goes away.
final class FederationHarness {
    struct Node {
        let id: String
        let folder: String
        let port: Int
        /// The port of its members-only federation listener.
        let federationPort: Int
        /// The address the node listens on and is reached at.
        var host = "127.0.0.1"
        /// The network namespace it runs in, if any.
        var namespace: String?

        /// On loopback, a host name of the node's own (`orp-vs.localhost`: libcurl and Chromium
        /// resolve `*.localhost` to 127.0.0.1), as its certificate names only its endpoints' hosts.
        var name: String { host == "127.0.0.1" ? "\(id).localhost" : host }
        var endpoint: String { "https://\(name):\(port)" }
        var federationEndpoint: String { "https://\(name):\(federationPort)" }
    }

    let folder: String
    private(set) var nodes: [String: Node] = [:]
    /// Open-file limits to start nodes with (`prlimit --nofile`), by node id; none by default.
    var openFiles: [String: Int] = [:]
    private var running: [String: CIIDProcess.Running] = [:]

    /// Creates the coordinator `cii-vs` and one node per dispositif code (`ORP` → `orp-vs`), all joined.
    /// - Parameter placement: for nodes that must not run on loopback, their address and network namespace.
    init(dispositifs: [Dispositif], placement: [String: (host: String, namespace: String?)] = [:]) throws {
        folder = try CIIDProcess.temporaryFolder()
        var coordinator = Node(id: "cii-vs", folder: folder + "/cii-vs", port: try Self.freePort(), federationPort: try Self.freePort())
        if let place = placement[coordinator.id] { (coordinator.host, coordinator.namespace) = place }
        nodes[coordinator.id] = coordinator
        try ciid(
            "init",
            "--data-dir",
            coordinator.folder,
            "--role",
            "coordinator",
            "--node-id",
            coordinator.id,
            "--listen",
            "\(coordinator.host):\(coordinator.port)",
            "--federation-listen",
            "\(coordinator.host):\(coordinator.federationPort)",
            "--endpoint",
            coordinator.endpoint,
            "--federation-endpoint",
            coordinator.federationEndpoint
        )
        for dispositif in dispositifs {
            let id = "\(dispositif.rawValue.lowercased())-vs"
            let request = try prepare(dispositif, placement: placement[id])
            try ciid("federation", "admit", "--data-dir", coordinator.folder, request, "--output", folder + "/\(id).admission")
            try ciid("join", "--data-dir", folder + "/" + id, folder + "/\(id).admission")
        }
    }

    /// Creates a node for `dispositif` and its join request, without admitting it (the test
    /// admits it). Returns the path of the request.
    /// - Parameter placement: its address and network namespace, when it must not run on loopback.
    func prepare(_ dispositif: Dispositif, placement: (host: String, namespace: String?)? = nil) throws -> String {
        let id = "\(dispositif.rawValue.lowercased())-vs"
        var node = Node(id: id, folder: folder + "/" + id, port: try Self.freePort(), federationPort: try Self.freePort())
        if let placement { (node.host, node.namespace) = placement }
        nodes[id] = node
        try ciid(
            "init",
            "--data-dir",
            node.folder,
            "--dispositif",
            dispositif.rawValue,
            "--node-id",
            id,
            "--listen",
            "\(node.host):\(node.port)",
            "--federation-listen",
            "\(node.host):\(node.federationPort)"
        )
        let request = folder + "/\(id).request"
        try ciid(
            "join-request",
            "--data-dir",
            node.folder,
            "--endpoint",
            node.endpoint,
            "--federation-endpoint",
            node.federationEndpoint,
            "--output",
            request
        )
        return request
    }

    deinit {
        for (_, process) in running { process.stop(SIGKILL, within: 5) }
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Sets `key = value` in the `[federation]` section of node `id`'s ciid.conf (before it starts).
    func configure(_ id: String, _ key: String, _ value: Int) throws {
        let path = try require(id).folder + "/ciid.conf"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let edited = lines.map { $0.hasPrefix("\(key) =") ? "\(key) = \(value)" : String($0) }.joined(separator: "\n")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Sets `key = value` (a text setting, such as a path) in node `id`'s ciid.conf (before it starts).
    func configure(_ id: String, _ key: String, _ value: String) throws {
        let path = try require(id).folder + "/ciid.conf"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.contains(where: { $0.hasPrefix("\(key) =") }) else { throw HarnessError("\(path) has no setting \(key)") }
        let edited = lines.map { $0.hasPrefix("\(key) =") ? "\(key) = \(value)" : String($0) }.joined(separator: "\n")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Runs a ciid command that must fail, and returns what it said on stderr.
    func ciidFailing(_ arguments: String...) throws -> String {
        let result = try CIIDProcess.run(arguments, in: folder)
        guard result.status != 0 else { throw HarnessError("ciid \(arguments.joined(separator: " ")) succeeded: \(result.output)") }
        return result.error
    }

    /// Appends `text` (whole sections) to node `id`'s ciid.conf (before it starts).
    func appendToConfiguration(_ id: String, _ text: String) throws {
        let path = try require(id).folder + "/ciid.conf"
        let current = try String(contentsOfFile: path, encoding: .utf8)
        try (current + "\n" + text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The data folder of node `id`.
    func folder(_ id: String) throws -> String { try require(id).folder }

    /// Runs a ciid command, failing on a non-zero exit.
    @discardableResult
    func ciid(_ arguments: String...) throws -> String {
        let result = try CIIDProcess.run(arguments, in: folder)
        guard result.status == 0 else { throw HarnessError("ciid \(arguments.joined(separator: " ")) failed: \(result.error)") }
        return result.output
    }

    /// Starts `ciid serve` on every node not running, and waits until each holds the epoch key
    /// from the manifest (so imports can fingerprint) and, unless `firstExchange` is false, until
    /// each has finished its first exchange with every dispositif.
    func startAll(firstExchange: Bool = true) throws {
        for id in nodes.keys.sorted() where running[id] == nil { try start(id) }
        for (id, node) in nodes {
            let ready = try eventually { try !FederationKeyStore(directory: NodeDirectory(root: node.folder)).keys().isEmpty }
            guard ready else { throw HarnessError("\(id) got no key from the manifest: \(log(id))") }
        }
        // Then the first exchange: every node has held once all that each dispositif published, so
        // overlaps that later changes bring are alerts, not the existing overlaps of a first sync.
        guard firstExchange else { return }
        let origins = nodes.keys.filter { $0 != "cii-vs" }
        for (id, node) in nodes {
            let store = try NodeStore(path: node.folder + "/node.sqlite")
            let synced = try eventually { try origins.allSatisfy { try $0 == id || store.isSynced(with: NodeID($0)) } }
            guard synced else { throw HarnessError("\(id) did not finish its first exchange with every origin: \(log(id))") }
        }
    }

    /// Starts `ciid serve` on node `id`.
    func start(_ id: String) throws {
        let node = try require(id)
        let serve = ["serve", "--data-dir", node.folder, "--log-level", "info"]
        if let namespace = node.namespace {
            running[id] = try CIIDProcess.start(["netns", "exec", namespace, CIIDProcess.binary] + serve, in: folder, executable: "/usr/sbin/ip")
        } else if let limit = openFiles[id] {
            running[id] = try CIIDProcess.start(
                ["--nofile=\(limit):\(limit)", CIIDProcess.binary] + serve,
                in: folder,
                executable: "/usr/bin/prlimit"
            )
        } else {
            running[id] = try CIIDProcess.start(serve, in: folder)
        }
    }

    /// Stops node `id` with `signal` (SIGTERM: clean; SIGKILL: a crash).
    @discardableResult
    func stop(_ id: String, signal: Int32 = SIGTERM) -> Int32? {
        defer { running[id] = nil }
        return running[id]?.stop(signal)
    }

    /// What node `id` logged so far.
    func log(_ id: String) -> String { running[id]?.errors() ?? "" }

    /// The process id of node `id`'s `ciid serve`, while it runs.
    func pid(_ id: String) -> Int32? { running[id].flatMap { $0.process.isRunning ? $0.pid : nil } }

    /// Imports `csv` at node `id`.
    func importCSV(_ id: String, _ csv: String) throws {
        let path = folder + "/\(id)-\(UUID().uuidString).csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        try ciid("import", "--data-dir", try require(id).folder, path)
    }

    /// The node's database (opened beside the running process: SQLite WAL allows it).
    func store(_ id: String) throws -> NodeStore { try NodeStore(path: try require(id).folder + "/node.sqlite") }

    /// Replica entries of `origin` at node `id`.
    func replicaCount(at id: String, from origin: String) throws -> Int { try store(id).replicaCounts()[origin] ?? 0 }

    /// Polls `condition` every 50 ms until it holds or `seconds` pass.
    func eventually(within seconds: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        try Polling.eventually(within: seconds, condition)
    }

    /// The base URL of node `id`.
    func url(_ id: String) throws -> String { try require(id).endpoint }

    /// The base URL of node `id`'s members-only federation listener.
    func federationURL(_ id: String) throws -> String { try require(id).federationEndpoint }

    /// The federation CA file as node `id` holds it.
    func caFile(_ id: String) throws -> String { try require(id).folder + "/federation/ca.crt" }

    private func require(_ id: String) throws -> Node {
        guard let node = nodes[id] else { throw HarnessError("no node \(id)") }
        return node
    }

    /// A free port for a node to listen on (see ``FreePort``).
    static func freePort() throws -> Int { try FreePort.next() }

    /// Synthetic CSV rows for people `range` (AVS block 756.4…), followed until `last`.
    static func csv(_ range: ClosedRange<UInt64>, caseworker: String = "c-1", last: Day = Day.today().adding(days: -5)) -> String {
        var text = "N° AVS;Début du suivi;Dernier suivi;Collaborateur\n"
        for index in range { text += "\(avs(index).formatted);01.01.2024;\(last.swiss);\(caseworker)\n" }
        return text
    }

    static func avs(_ index: UInt64) -> AVSNumber { AVSNumber(completing: 756_410_000_000 + index) }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
