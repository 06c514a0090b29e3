public import CIICore
public import CIIStore
public import Foundation
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
    /// The last refusal logged and when, so that one going on is not logged at every fetch.
    let lastRefusalLog = Mutex<(key: String, at: Date)?>(nil)
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
            throw FederationError(.wrongRecipient, "this admission is for \(admission.node), not \(configuration.id); nothing was changed")
        }
        let ownKey = try CertificateAuthority.publicKeyPEM(
            ofPrivateKeyPEM: String(decoding: try SecureFile.readSecret(directory.resolve(configuration.tlsKey)), as: UTF8.self)
        )
        guard try CertificateAuthority.publicKeyPEM(ofCertificatePEM: admission.certificate) == ownKey else {
            throw FederationError(
                .wrongRecipient,
                "this admission certifies another TLS key than this node's (\(configuration.tlsKey)): it answers an older join request of \(configuration.id), or the key was replaced since; nothing was changed. Run `ciid join-request` again and have the coordinator admit it with --replace"
            )
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

    /// Accepts the manifest in `json` (the body the coordinator served), as ``accept(_:store:logger:now:)``;
    /// one that is not a signed manifest is refused as `malformed`.
    @discardableResult
    public func accept(json: [UInt8], store: NodeStore, logger: Logger, now: Date = Date()) throws -> Bool {
        let signed: SignedManifest
        do { signed = try SignedManifest(json: json) } catch {
            refuse(.malformed, version: nil, detail: error.reason, now: now, logger: logger)
            return false
        }
        return try accept(signed, store: store, logger: logger, now: now)
    }

    /// Accepts `signed` if it verifies with the anchor and is newer than the current one: adds the
    /// epoch keys sealed to this node to its key store, forgets the epochs it no longer lists
    /// (their keys, and their rows in `store`), writes the CA bundle of each peer with a CA of its
    /// own, then stores the manifest. A crash midway is finished by the next fetch.
    ///
    /// The manifest it holds again (same version, same contents) changes nothing. Anything else
    /// that is not newer and valid is refused (``ManifestRefusal``): logged, counted, and recorded
    /// for `ciid status`. A newer manifest that has already expired is accepted all the same (it
    /// is the newest word of the coordinator); ``warnIfExpired(now:logger:)`` says so.
    /// - Returns: true when the manifest was newer and is now current.
    @discardableResult
    public func accept(_ signed: SignedManifest, store: NodeStore, logger: Logger, now: Date = Date()) throws -> Bool {
        let manifest: Manifest
        do { manifest = try signed.verified(coordinatorKey: anchor.signingKeyBytes) } catch {
            refuse(error.code == .badSignature ? .badSignature : .malformed, version: nil, detail: error.reason, now: now, logger: logger)
            return false
        }
        if let existing = self.manifest, existing.version >= manifest.version {
            if existing == manifest { return false }
            let reason: ManifestRefusal.Reason = existing.version == manifest.version ? .sameVersion : .older
            let detail =
                reason == .older
                ? "its version \(manifest.version) is older than version \(existing.version), which this node holds; a coordinator restored from a backup publishes above it at its next change"
                : "it has the version this node holds (\(existing.version)) but other contents"
            refuse(reason, version: manifest.version, detail: detail, now: now, logger: logger)
            return false
        }
        guard manifest.coordinator == anchor.id else {
            let detail = "it names \(manifest.coordinator) as the coordinator, but this node joined the federation of \(anchor.id)"
            refuse(.wrongCoordinator, version: manifest.version, detail: detail, now: now, logger: logger)
            return false
        }
        let keys: [FingerprintKey]
        do { keys = try manifest.keys(for: node, box: identity.box) } catch {
            let detail =
                "\(error.reason): this node's box key is not the one the coordinator admitted (run `ciid join-request` again, and have the coordinator admit it with --replace)"
            refuse(.cannotOpen, version: manifest.version, detail: detail, now: now, logger: logger)
            return false
        }
        let keyStore = FederationKeyStore(directory: directory)
        for key in keys { try keyStore.add(key) }
        try retireEpochs(absentFrom: manifest, keyStore: keyStore, store: store, logger: logger)
        keyRing.replace(with: try keyStore.keys())
        try writePeerBundles(for: manifest)
        // On the coordinator this file is the one it publishes: never write back a copy fetched
        // while a newer one (an admission, a renewal) was being written.
        if node != anchor.id { try SecureFile.write(signed.json, to: manifestPath, mode: 0o644) }
        current.withLock { $0 = manifest }
        clearRefusal()
        return true
    }

    /// Whether `json` is the signed manifest this node holds now (it verifies, and its contents
    /// are the current manifest's).
    public func holds(json: [UInt8]) -> Bool {
        guard let held = manifest, let signed = try? SignedManifest(json: json),
            let fetched = try? signed.verified(coordinatorKey: anchor.signingKeyBytes)
        else { return false }
        return fetched == held
    }

    /// The Ed25519 key of `member` if it is in the current manifest.
    public func signingKey(of member: NodeID) -> [UInt8]? { manifest?.signingKey(of: member) }
}
