import CIICore
import CIIFederation
import CIIStore
import Foundation
import Logging
import Sodium
import Synchronization

/// A coordinator and nodes in temporary folders, made through the library as `ciid init`,
/// `join-request`, `federation admit` and `join` make them, without processes or network.
struct MembershipFixture {
    let folder: String
    let coordinator: Coordinator

    /// Creates the coordinator `cii-vs` (its manifest signed at `now`).
    init(now: Date = Date()) throws {
        folder = NSTemporaryDirectory() + "ciid-membership-" + UUID().uuidString
        let directory = try Self.node(folder + "/cii-vs")
        let configuration = NodeConfiguration(role: .coordinator, id: try NodeID("cii-vs"), dispositif: nil)
        coordinator = Coordinator(directory: directory, configuration: configuration)
        _ = try coordinator.create(endpoint: "https://cii-vs.localhost:8443", federationEndpoint: "https://cii-vs.localhost:8444", now: now)
    }

    /// A node folder with its key pairs and a TLS key, as `ciid init` leaves it.
    static func node(_ root: String) throws -> NodeDirectory {
        let directory = NodeDirectory(root: root)
        try SecureFile.makeDirectory(root)
        _ = try NodeIdentity.create(in: directory)
        try SecureFile.makeDirectory(directory.tls)
        let pair = try CertificateAuthority.make(name: "development CA").issueServerCertificate(commonName: "node", hosts: ["localhost"])
        try SecureFile.write(Array(pair.key.utf8), to: directory.resolve("tls/node.key"))
        return directory
    }

    /// The configuration of dispositif node `id`.
    func configuration(_ id: String, _ dispositif: Dispositif = .orp) throws -> NodeConfiguration {
        NodeConfiguration(role: .dispositif, id: try NodeID(id), dispositif: dispositif)
    }

    /// The signed join request of a new node `id`.
    func joinRequest(_ id: String, host: String? = nil) throws -> (NodeDirectory, JoinRequest) {
        let directory = try Self.node("\(folder)/\(id)")
        let name = host ?? "\(id).localhost"
        let request = try JoinRequest.make(
            directory: directory,
            configuration: try configuration(id),
            endpoint: "https://\(name):9443",
            federationEndpoint: "https://\(name):9444"
        )
        return (directory, request)
    }

    /// Node `id` admitted and joined: its federation state, before it fetched any manifest.
    func joinedNode(_ id: String) throws -> (FederationState, NodeStore) {
        let (directory, request) = try joinRequest(id)
        let admission = try coordinator.admit(request)
        try FederationState.install(admission, directory: directory, configuration: try configuration(id))
        guard let state = try FederationState.load(directory: directory, node: try NodeID(id)) else { throw FixtureError("\(id) did not join") }
        return (state, try NodeStore(path: directory.database))
    }

    /// The manifest a signed one holds, verified with the coordinator's key.
    func open(_ signed: SignedManifest) throws -> Manifest {
        try signed.verified(coordinatorKey: try NodeIdentity.load(from: coordinator.directory).signing.publicKey)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

/// A logger whose messages are kept, to read what a node said.
final class CapturedLog: Sendable {
    let messages = Mutex<[(Logger.Level, String)]>([])

    var logger: Logger {
        Logger(label: "test") { _ in Handler(sink: self) }
    }

    /// The messages at `level`.
    func at(_ level: Logger.Level) -> [String] { messages.withLock { $0.filter { $0.0 == level }.map(\.1) } }

    struct Handler: LogHandler {
        let sink: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { sink.messages.withLock { $0.append((event.level, "\(event.message)")) } }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
