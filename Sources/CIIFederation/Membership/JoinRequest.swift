public import CIICore
public import CIIStore
import Foundation
import Sodium

/// What a node gives the coordinator to join: its name, dispositif, endpoint and public keys.
/// Carried by the administrators (a file), never over an unauthenticated channel.
public struct JoinRequest: Sendable, Codable, Hashable {
    /// `ciid-join-request-v1`.
    public var format = "ciid-join-request-v1"
    /// The node's name.
    public var id: NodeID
    /// Its role.
    public var role: NodeRole
    /// Its dispositif.
    public var dispositif: Dispositif?
    /// Its HTTPS base URL.
    public var endpoint: String
    /// Ed25519 public key, base64.
    public var signingKey: String
    /// X25519 public key, base64.
    public var boxKey: String
    /// The public key of its TLS key (PEM), for the federation CA to certify.
    public var tlsPublicKey: String

    /// The join request of the node at `directory`.
    public static func make(directory: NodeDirectory, configuration: NodeConfiguration, endpoint: String) throws -> JoinRequest {
        let identity = try NodeIdentity.load(from: directory)
        let tlsKey = String(decoding: try SecureFile.readSecret(directory.resolve(configuration.tlsKey)), as: UTF8.self)
        return JoinRequest(
            id: configuration.id,
            role: configuration.role,
            dispositif: configuration.dispositif,
            endpoint: endpoint,
            signingKey: Data(identity.signing.publicKey).base64EncodedString(),
            boxKey: Data(identity.box.publicKey).base64EncodedString(),
            tlsPublicKey: try CertificateAuthority.publicKeyPEM(ofPrivateKeyPEM: tlsKey)
        )
    }

    /// Reads a join request file.
    public init(json: [UInt8], source: String) throws(FederationError) {
        guard let value = try? JSONDecoder().decode(JoinRequest.self, from: Data(json)), value.format == "ciid-join-request-v1" else {
            throw FederationError(.malformed, "\(source) is not a ciid join request (ciid-join-request-v1)")
        }
        guard value.endpoint.hasPrefix("https://") else { throw FederationError(.malformed, "\(source): the endpoint must be an https:// URL") }
        guard Data(base64Encoded: value.signingKey)?.count == 32, Data(base64Encoded: value.boxKey)?.count == 32 else {
            throw FederationError(.malformed, "\(source): the public keys are not 32-byte base64 keys")
        }
        self = value
    }

    init(id: NodeID, role: NodeRole, dispositif: Dispositif?, endpoint: String, signingKey: String, boxKey: String, tlsPublicKey: String) {
        self.id = id
        self.role = role
        self.dispositif = dispositif
        self.endpoint = endpoint
        self.signingKey = signingKey
        self.boxKey = boxKey
        self.tlsPublicKey = tlsPublicKey
    }

    /// The manifest entry of this node.
    public var member: Manifest.Member {
        // TEMPORARY until the membership branch lands.
        var member = Manifest.Member(id: id, role: role, dispositif: dispositif, endpoint: endpoint, signingKey: signingKey, boxKey: boxKey)
        if let components = URLComponents(string: endpoint), let port = components.port {
            var federation = components
            federation.port = port + 1
            member.federationEndpoint = federation.string
        }
        member.tlsPublicKey = tlsPublicKey
        return member
    }
}
