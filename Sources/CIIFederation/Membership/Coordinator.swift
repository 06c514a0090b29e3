public import CIICore
public import CIIStore
public import Foundation
import Sodium

/// The coordinator's side of membership: the federation CA, the member list, the epoch keys,
/// and the signed manifest that says all of it. Files live under `DATA/federation/`.
public struct Coordinator: Sendable {
    /// The coordinator's folder.
    public let directory: NodeDirectory
    /// Its configuration.
    public let configuration: NodeConfiguration

    /// The coordinator at `directory`.
    public init(directory: NodeDirectory, configuration: NodeConfiguration) {
        self.directory = directory
        self.configuration = configuration
    }

    var membersPath: String { "\(directory.federation)/members.json" }
    var caKeyPath: String { "\(directory.federation)/ca.key" }
    var caCertificatePath: String { "\(directory.federation)/ca.crt" }
    /// Where the current signed manifest is kept (and served from).
    public var manifestPath: String { "\(directory.federation)/manifest.json" }

    /// Creates the federation: CA, epoch 1 key, the coordinator as first member, the first manifest.
    /// Its own TLS certificate is re-issued by the federation CA, for the hosts of its two endpoints only.
    public func create(endpoint: String, federationEndpoint: String, now: Date = Date()) throws -> SignedManifest {
        try SecureFile.makeDirectory(directory.federation)
        let own = try JoinRequest.make(directory: directory, configuration: configuration, endpoint: endpoint, federationEndpoint: federationEndpoint)
        let authority = try CertificateAuthority.make(name: "CII federation CA (\(configuration.id))")
        try SecureFile.write(Array(authority.caKeyPEM.utf8), to: caKeyPath, overwrite: false)
        try SecureFile.write(Array(authority.caCertificatePEM.utf8), to: caCertificatePath, mode: 0o644)
        try FederationKeyStore(directory: directory).add(.generate(epoch: .first))
        try installCertificate(for: own, authority: authority, into: directory)
        try saveMembers([own.member])
        let anchor = Admission.Anchor(id: configuration.id, endpoint: endpoint, signingKey: own.signingKey)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SecureFile.write([UInt8](try encoder.encode(anchor)), to: "\(directory.federation)/anchor.json", mode: 0o644)
        return try publish(now: now)
    }

    /// Removes `node` from the federation and publishes a new manifest: its batches are refused from then on.
    public func remove(_ node: NodeID) throws -> SignedManifest {
        try CoordinatorLock.holding(directory.federation) {
            let members = try loadMembers()
            guard node != configuration.id, members.contains(where: { $0.id == node }) else {
                throw FederationError(.notAMember, "\(node) is not a member that can be removed")
            }
            try saveMembers(members.filter { $0.id != node })
            return try signAndWrite(now: Date())
        }
    }

    /// The members.
    public func members() throws -> [Manifest.Member] { try loadMembers() }

    /// Starts the next epoch: a new fingerprint key, sealed to every member in a new manifest. Its
    /// fingerprints are 16 bytes wide (``FingerprintKey/currentWidth``): rotating a federation made
    /// before issue 15 is how its sets move to the compact form.
    /// Nodes check with every epoch they hold; each node's next import fingerprints its people
    /// under the new key and retracts the old epoch's fingerprints, so peers follow.
    /// - Returns: the new epoch.
    public func rotate() throws -> Epoch {
        try CoordinatorLock.holding(directory.federation) {
            let store = FederationKeyStore(directory: directory)
            let next = (try store.keys().first?.epoch ?? Epoch.first).next
            try store.add(.generate(epoch: next))
            _ = try signAndWrite(now: Date())
            return next
        }
    }

    /// Signs and writes the next manifest: every member, every epoch key sealed to every member,
    /// valid `federation.manifest_days` from `now`.
    ///
    /// Its version is the larger of the previous version + 1 and `now` in Unix milliseconds: it
    /// never goes back, even when `manifest.json` was lost or restored from an old backup.
    public func publish(now: Date = Date()) throws -> SignedManifest {
        try CoordinatorLock.holding(directory.federation) { try signAndWrite(now: now) }
    }

    /// ``publish(now:)`` for a caller that holds the ``CoordinatorLock``.
    func signAndWrite(now: Date) throws -> SignedManifest {
        let identity = try NodeIdentity.load(from: directory)
        let members = try completingOwnEntry(try loadMembers())
        let previous = (try? SecureFile.read(manifestPath)).flatMap { try? SignedManifest(json: $0) }
        let previousVersion = try previous?.verified(coordinatorKey: identity.signing.publicKey).version ?? 0
        let version = Swift.max(previousVersion + 1, Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
        var epochs: [Manifest.EpochKeys] = []
        for key in try FederationKeyStore(directory: directory).keys().reversed() {
            var sealed: [String: String] = [:]
            for member in members {
                guard let boxKey = Data(base64Encoded: member.boxKey) else { continue }
                var secret = key.secret.copyBytes()
                defer { Sodium.wipe(&secret) }
                sealed[member.id.rawValue] = Data(try BoxKeyPair.seal(secret, to: [UInt8](boxKey))).base64EncodedString()
            }
            epochs.append(.init(epoch: key.epoch.number, keyID: key.keyID, sealed: sealed, width: key.width))
        }
        let expiresAt = Int64(now.timeIntervalSince1970) + Int64(configuration.federation.manifestDays) * 86_400
        let manifest = Manifest(version: version, coordinator: configuration.id, members: members, epochs: epochs, expiresAt: expiresAt)
        let signed = try SignedManifest.sign(manifest, with: identity.signing)
        try SecureFile.write(signed.json, to: manifestPath, mode: 0o644)
        return signed
    }

    /// The member list with the coordinator's own entry complete: a coordinator created by an
    /// older release gains its federation endpoint (its endpoint's host, the configured federation
    /// port) and its TLS public key, saved at once.
    func completingOwnEntry(_ members: [Manifest.Member]) throws -> [Manifest.Member] {
        guard let index = members.firstIndex(where: { $0.id == configuration.id }) else { return members }
        guard members[index].federationEndpoint == nil || members[index].tlsPublicKey == nil else { return members }
        var members = members
        if members[index].federationEndpoint == nil, let host = JoinRequest.host(of: members[index].endpoint) {
            let name = host.contains(":") ? "[\(host)]" : host
            members[index].federationEndpoint = "https://\(name):\(configuration.federationListenPort)"
        }
        if members[index].tlsPublicKey == nil {
            let key = String(decoding: try SecureFile.readSecret(directory.resolve(configuration.tlsKey)), as: UTF8.self)
            members[index].tlsPublicKey = try CertificateAuthority.publicKeyPEM(ofPrivateKeyPEM: key)
        }
        try saveMembers(members)
        return members
    }

    /// The coordinator's Ed25519 public key.
    func signingKey() throws -> [UInt8] { try NodeIdentity.load(from: directory).signing.publicKey }

    func loadAuthority() throws -> CertificateAuthority {
        CertificateAuthority(
            caCertificatePEM: String(decoding: try SecureFile.read(caCertificatePath), as: UTF8.self),
            caKeyPEM: String(decoding: try SecureFile.readSecret(caKeyPath), as: UTF8.self)
        )
    }

    func loadMembers() throws -> [Manifest.Member] {
        guard let members = try? JSONDecoder().decode([Manifest.Member].self, from: Data(try SecureFile.read(membersPath))) else {
            throw StoreError(.corrupt, "\(membersPath) cannot be read")
        }
        return members
    }

    func saveMembers(_ members: [Manifest.Member]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SecureFile.write([UInt8](try encoder.encode(members.sorted { $0.id < $1.id })), to: membersPath)
    }
}
