public import CIICore
public import CIIStore
import Foundation
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

    /// Creates the federation: CA, epoch 1 key, the coordinator as first member, manifest version 1.
    /// Its own TLS certificate is re-issued by the federation CA.
    public func create(endpoint: String) throws -> SignedManifest {
        try SecureFile.makeDirectory(directory.federation)
        let authority = try CertificateAuthority.make(name: "CII federation CA (\(configuration.id))")
        try SecureFile.write(Array(authority.caKeyPEM.utf8), to: caKeyPath, overwrite: false)
        try SecureFile.write(Array(authority.caCertificatePEM.utf8), to: caCertificatePath, mode: 0o644)
        try FederationKeyStore(directory: directory).add(.generate(epoch: .first))
        let own = try JoinRequest.make(directory: directory, configuration: configuration, endpoint: endpoint)
        try installCertificate(for: own, authority: authority, into: directory)
        try saveMembers([own.member])
        let anchor = Admission.Anchor(id: configuration.id, endpoint: endpoint, signingKey: own.signingKey)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SecureFile.write([UInt8](try encoder.encode(anchor)), to: "\(directory.federation)/anchor.json", mode: 0o644)
        return try publish()
    }

    /// Admits (or re-admits, with new keys) the node of `request`, issues its TLS certificate and
    /// publishes a new manifest. A re-admitted member keeps the CA of its own PKI, if it had one.
    public func admit(_ request: JoinRequest) throws -> Admission {
        guard request.id != configuration.id else { throw FederationError(.malformed, "the coordinator cannot admit itself") }
        let authority = try loadAuthority()
        let certificate = try authority.issue(publicKeyPEM: request.tlsPublicKey, commonName: request.id.rawValue, hosts: Self.hosts(of: request))
        var members = try loadMembers()
        var member = request.member
        member.caCertificate = members.first { $0.id == request.id }?.caCertificate
        members.removeAll { $0.id == request.id }
        members.append(member)
        try saveMembers(members)
        _ = try publish()
        guard let own = members.first(where: { $0.id == configuration.id }) else {
            throw FederationError(.malformed, "members.json lost the coordinator")
        }
        return Admission(
            node: request.id,
            coordinator: .init(id: configuration.id, endpoint: own.endpoint, signingKey: own.signingKey),
            caCertificate: authority.caCertificatePEM,
            certificate: certificate + authority.caCertificatePEM
        )
    }

    /// Removes `node` from the federation and publishes a new manifest: its batches are refused from then on.
    public func remove(_ node: NodeID) throws -> SignedManifest {
        let members = try loadMembers()
        guard node != configuration.id, members.contains(where: { $0.id == node }) else {
            throw FederationError(.notAMember, "\(node) is not a member that can be removed")
        }
        try saveMembers(members.filter { $0.id != node })
        return try publish()
    }

    /// The members.
    public func members() throws -> [Manifest.Member] { try loadMembers() }

    /// Starts the next epoch: a new fingerprint key, sealed to every member in a new manifest.
    /// Nodes check with every epoch they hold; each node's next import fingerprints its people
    /// under the new key and retracts the old epoch's fingerprints, so peers follow.
    /// - Returns: the new epoch.
    public func rotate() throws -> Epoch {
        let store = FederationKeyStore(directory: directory)
        let next = (try store.keys().first?.epoch ?? Epoch.first).next
        try store.add(.generate(epoch: next))
        _ = try publish()
        return next
    }

    /// Signs and writes the next manifest version: every member, every epoch key sealed to every member.
    public func publish() throws -> SignedManifest {
        let identity = try NodeIdentity.load(from: directory)
        let members = try loadMembers()
        let previous = (try? SecureFile.read(manifestPath)).flatMap { try? SignedManifest(json: $0) }
        let version = (try previous?.verified(coordinatorKey: identity.signing.publicKey).version ?? 0) + 1
        var epochs: [Manifest.EpochKeys] = []
        for key in try FederationKeyStore(directory: directory).keys().reversed() {
            var sealed: [String: String] = [:]
            for member in members {
                guard let boxKey = Data(base64Encoded: member.boxKey) else { continue }
                var secret = key.secret.copyBytes()
                defer { Sodium.wipe(&secret) }
                sealed[member.id.rawValue] = Data(try BoxKeyPair.seal(secret, to: [UInt8](boxKey))).base64EncodedString()
            }
            epochs.append(.init(epoch: key.epoch.number, keyID: key.keyID, sealed: sealed))
        }
        let manifest = Manifest(version: version, coordinator: configuration.id, members: members, epochs: epochs)
        let signed = try SignedManifest.sign(manifest, with: identity.signing)
        try SecureFile.write(signed.json, to: manifestPath, mode: 0o644)
        return signed
    }

    func installCertificate(for request: JoinRequest, authority: CertificateAuthority, into directory: NodeDirectory) throws {
        let certificate = try authority.issue(publicKeyPEM: request.tlsPublicKey, commonName: request.id.rawValue, hosts: Self.hosts(of: request))
        try SecureFile.write(Array((certificate + authority.caCertificatePEM).utf8), to: directory.resolve(configuration.tlsCertificate), mode: 0o644)
        try SecureFile.write(Array(authority.caCertificatePEM.utf8), to: "\(directory.tls)/ca.crt", mode: 0o644)
    }

    static func hosts(of request: JoinRequest) -> [String] {
        var hosts = ["localhost", "127.0.0.1", "::1", request.id.rawValue]
        if let host = URLComponents(string: request.endpoint)?.host, !hosts.contains(host) { hosts.append(host) }
        return hosts
    }

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
