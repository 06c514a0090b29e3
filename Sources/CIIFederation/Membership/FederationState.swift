public import CIICore
public import CIIStore
import Foundation
public import Logging
import Sodium
import Synchronization

/// What a running node knows of the federation: the trust anchor, the current verified manifest,
/// and the keys it opened from it. Shared by the receiver, the publisher and the manifest fetcher.
public final class FederationState: Sendable {
    /// The node's folder.
    public let directory: NodeDirectory
    /// This node.
    public let node: NodeID
    /// Its key pairs.
    public let identity: NodeIdentity
    /// The coordinator to trust.
    public let anchor: Admission.Anchor
    private let current = Mutex<Manifest?>(nil)
    /// The keys checks and imports use; refreshed when a manifest brings a new epoch.
    public let keyRing: KeyRing
    /// One libcurl session per peer (see ``session(for:)``).
    let sessions = PeerSessions()

    var manifestPath: String { "\(directory.federation)/manifest.json" }
    var anchorPath: String { "\(directory.federation)/anchor.json" }
    /// The federation CA (PEM file) that peers' TLS certificates must chain to.
    public var caFile: String { "\(directory.federation)/ca.crt" }
    /// Where the CA bundles of peers with a CA of their own are written (see ``caFile(for:)``).
    var peerBundles: String { "\(directory.federation)/peers" }

    /// Loads the state of a node that has joined (or of the coordinator); nil when the node has not joined yet.
    public static func load(directory: NodeDirectory, node: NodeID) throws -> FederationState? {
        let anchorPath = "\(directory.federation)/anchor.json"
        guard FileManager.default.fileExists(atPath: anchorPath) else { return nil }
        guard let anchor = try? JSONDecoder().decode(Admission.Anchor.self, from: Data(try SecureFile.read(anchorPath))) else {
            throw StoreError(.corrupt, "\(anchorPath) cannot be read")
        }
        let state = FederationState(directory: directory, node: node, identity: try NodeIdentity.load(from: directory), anchor: anchor)
        if let bytes = try? SecureFile.read(state.manifestPath), let signed = try? SignedManifest(json: bytes),
            let manifest = try? signed.verified(coordinatorKey: anchor.signingKeyBytes)
        {
            // Reading only: the file and the keys it brought were stored when it was accepted.
            // (A reader beside `ciid serve`, such as `ciid status`, must never write them back.)
            state.current.withLock { $0 = manifest }
        }
        return state
    }

    init(directory: NodeDirectory, node: NodeID, identity: NodeIdentity, anchor: Admission.Anchor) {
        self.directory = directory
        self.node = node
        self.identity = identity
        self.anchor = anchor
        self.keyRing = KeyRing((try? FederationKeyStore(directory: directory).keys()) ?? [])
    }

    /// Installs an admission on a node: the anchor, the federation CA, and the node's new TLS certificate.
    public static func install(_ admission: Admission, directory: NodeDirectory, configuration: NodeConfiguration) throws {
        guard admission.node == configuration.id else {
            throw FederationError(.wrongRecipient, "this admission is for \(admission.node), not \(configuration.id)")
        }
        try SecureFile.makeDirectory(directory.federation)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SecureFile.write([UInt8](try encoder.encode(admission.coordinator)), to: "\(directory.federation)/anchor.json", mode: 0o644)
        try SecureFile.write(Array(admission.caCertificate.utf8), to: "\(directory.federation)/ca.crt", mode: 0o644)
        try SecureFile.write(Array(admission.caCertificate.utf8), to: "\(directory.tls)/ca.crt", mode: 0o644)
        try SecureFile.write(Array(admission.certificate.utf8), to: directory.resolve(configuration.tlsCertificate), mode: 0o644)
    }

    /// The current manifest, if any.
    public var manifest: Manifest? { current.withLock { $0 } }

    /// Accepts `signed` if it verifies with the anchor and is newer than the current one: adds the
    /// epoch keys sealed to this node to its key store, forgets the epochs it no longer lists
    /// (their keys, and their rows in `store`), writes the CA bundle of each peer with a CA of its
    /// own, then stores the manifest. A crash midway is finished by the next fetch.
    /// - Returns: true when the manifest was newer and is now current.
    @discardableResult
    public func accept(_ signed: SignedManifest, store: NodeStore, logger: Logger) throws -> Bool {
        let manifest = try signed.verified(coordinatorKey: anchor.signingKeyBytes)
        if let existing = self.manifest, existing.version >= manifest.version { return false }
        let keys = try manifest.keys(for: node, box: identity.box)
        let keyStore = FederationKeyStore(directory: directory)
        for key in keys { try keyStore.add(key) }
        try retireEpochs(absentFrom: manifest, keyStore: keyStore, store: store, logger: logger)
        keyRing.replace(with: try keyStore.keys())
        try writePeerBundles(for: manifest)
        try SecureFile.write(signed.json, to: manifestPath, mode: 0o644)
        current.withLock { $0 = manifest }
        return true
    }

    /// The Ed25519 key of `member` if it is in the current manifest.
    public func signingKey(of member: NodeID) -> [UInt8]? { manifest?.signingKey(of: member) }
}
