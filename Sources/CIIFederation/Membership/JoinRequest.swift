public import CIICore
public import CIIStore
import Foundation
import Sodium

/// What a node gives the coordinator to join: its name, dispositif, endpoints and public keys,
/// signed by the Ed25519 key it carries (proof that the node holds that key, and that nothing was
/// changed since). Carried by the administrators (a file), never over an unauthenticated channel;
/// they compare the key fingerprints out of band (``KeyFingerprint``).
///
/// The signature covers ``signedBytes``: the fields in declaration order (format, id, role,
/// dispositif or "", endpoint, federation endpoint, signing key, box key, TLS public key), as
/// ``CanonicalFields`` lays them out.
public struct JoinRequest: Sendable, Codable, Hashable {
    /// The format this release writes and reads.
    public static let currentFormat = "ciid-join-request-v2"

    /// `ciid-join-request-v2`.
    public var format = JoinRequest.currentFormat
    /// The node's name.
    public var id: NodeID
    /// Its role.
    public var role: NodeRole
    /// Its dispositif.
    public var dispositif: Dispositif?
    /// Its HTTPS base URL (caseworkers, check API, health).
    public var endpoint: String
    /// The HTTPS base URL of its members-only federation listener.
    public var federationEndpoint: String
    /// Ed25519 public key, base64.
    public var signingKey: String
    /// X25519 public key, base64.
    public var boxKey: String
    /// The public key of its TLS key (PEM), for the federation CA to certify.
    public var tlsPublicKey: String
    /// Ed25519 signature of ``signedBytes`` by ``signingKey``, base64.
    public var signature: String

    /// The join request of the node at `directory`, signed with its Ed25519 key.
    public static func make(
        directory: NodeDirectory,
        configuration: NodeConfiguration,
        endpoint: String,
        federationEndpoint: String
    ) throws -> JoinRequest {
        let identity = try NodeIdentity.load(from: directory)
        let tlsKey = String(decoding: try SecureFile.readSecret(directory.resolve(configuration.tlsKey)), as: UTF8.self)
        var request = JoinRequest(
            id: configuration.id,
            role: configuration.role,
            dispositif: configuration.dispositif,
            endpoint: endpoint,
            federationEndpoint: federationEndpoint,
            signingKey: Data(identity.signing.publicKey).base64EncodedString(),
            boxKey: Data(identity.box.publicKey).base64EncodedString(),
            tlsPublicKey: try CertificateAuthority.publicKeyPEM(ofPrivateKeyPEM: tlsKey),
            signature: ""
        )
        try request.validateEndpoints(source: "the join request")
        request.signature = Data(identity.signing.sign(request.signedBytes)).base64EncodedString()
        return request
    }

    /// Reads a join request file and checks it: the format, https endpoints with a host, 32-byte
    /// keys, and the signature by the key it carries.
    /// - Throws: ``FederationError`` saying what is wrong with `source` and what to do.
    public init(json: [UInt8], source: String) throws(FederationError) {
        struct Format: Decodable { var format: String? }
        let format = (try? JSONDecoder().decode(Format.self, from: Data(json)))?.format
        if let format, format.hasPrefix("ciid-join-request-"), format != Self.currentFormat {
            throw FederationError(
                .malformed,
                "\(source) is a join request of an older ciid (\(format)), which proves nothing about its keys; nothing was changed. Upgrade the node, run `ciid join-request` there again and bring the new file (\(Self.currentFormat))"
            )
        }
        guard format == Self.currentFormat, let value = try? JSONDecoder().decode(JoinRequest.self, from: Data(json)) else {
            throw FederationError(.malformed, "\(source) is not a ciid join request (\(Self.currentFormat)); nothing was changed")
        }
        try value.validateEndpoints(source: source)
        guard Data(base64Encoded: value.signingKey)?.count == 32, Data(base64Encoded: value.boxKey)?.count == 32 else {
            throw FederationError(.malformed, "\(source): the public keys are not 32-byte base64 keys; nothing was changed")
        }
        try value.verifySignature(source: source)
        self = value
    }

    /// Checks that the request is signed by the signing key it carries.
    /// - Throws: ``FederationError`` `badSignature`, saying what to do.
    public func verifySignature(source: String) throws(FederationError) {
        guard let key = Data(base64Encoded: signingKey), let signature = Data(base64Encoded: signature),
            SigningKeyPair.verify(signature: [UInt8](signature), message: signedBytes, publicKey: [UInt8](key))
        else {
            throw FederationError(
                .badSignature,
                "\(source) is not signed by the signing key it carries: it was changed after `ciid join-request` wrote it (a key or an endpoint swapped?); nothing was changed. Ask the node's administrator to run `ciid join-request` again, carry the new file, and compare the fingerprints it prints with those `ciid federation admit` prints"
            )
        }
    }

    init(
        id: NodeID,
        role: NodeRole,
        dispositif: Dispositif?,
        endpoint: String,
        federationEndpoint: String,
        signingKey: String,
        boxKey: String,
        tlsPublicKey: String,
        signature: String
    ) {
        self.id = id
        self.role = role
        self.dispositif = dispositif
        self.endpoint = endpoint
        self.federationEndpoint = federationEndpoint
        self.signingKey = signingKey
        self.boxKey = boxKey
        self.tlsPublicKey = tlsPublicKey
        self.signature = signature
    }

    /// The exact bytes the signature covers.
    public var signedBytes: [UInt8] {
        CanonicalFields.bytes([
            format, id.rawValue, role.rawValue, dispositif?.rawValue ?? "", endpoint, federationEndpoint, signingKey, boxKey, tlsPublicKey,
        ])
    }

    /// The fingerprint of the Ed25519 signing key, for the administrators to compare.
    public var signingKeyFingerprint: String { KeyFingerprint.of(base64: signingKey) }
    /// The fingerprint of the X25519 box key, for the administrators to compare.
    public var boxKeyFingerprint: String { KeyFingerprint.of(base64: boxKey) }

    /// The JSON form (a file of its own).
    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? [UInt8](encoder.encode(self))) ?? []
    }

    /// The hosts its certificate names: those of its endpoint and federation endpoint, nothing else.
    public var hosts: [String] {
        var hosts: [String] = []
        for url in [endpoint, federationEndpoint] {
            if let host = Self.host(of: url), !hosts.contains(host) { hosts.append(host) }
        }
        return hosts
    }

    /// The manifest entry of this node.
    public var member: Manifest.Member {
        Manifest.Member(
            id: id,
            role: role,
            dispositif: dispositif,
            endpoint: endpoint,
            federationEndpoint: federationEndpoint,
            signingKey: signingKey,
            boxKey: boxKey,
            tlsPublicKey: tlsPublicKey
        )
    }

    /// The host of an https URL (an IPv6 address without brackets), if it has one.
    static func host(of url: String) -> String? {
        guard url.hasPrefix("https://"), var host = URLComponents(string: url)?.host, !host.isEmpty else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }

    func validateEndpoints(source: String) throws(FederationError) {
        for (name, url) in [("endpoint", endpoint), ("federation endpoint", federationEndpoint)] where Self.host(of: url) == nil {
            throw FederationError(.malformed, "\(source): the \(name) must be an https:// URL with a host name, not `\(url)`")
        }
    }
}
