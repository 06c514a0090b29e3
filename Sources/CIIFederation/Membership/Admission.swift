public import CIICore
import Foundation

/// What the coordinator gives back to an admitted node: the trust anchor (its key and endpoint),
/// the federation CA, and the node's TLS certificate.
public struct Admission: Sendable, Codable, Hashable {
    /// The coordinator as the node must trust it.
    public struct Anchor: Sendable, Codable, Hashable {
        /// The coordinator's node id.
        public var id: NodeID
        /// Where to fetch the manifest.
        public var endpoint: String
        /// The coordinator's Ed25519 public key, base64: every manifest must verify with it.
        public var signingKey: String

        /// The key, decoded.
        public var signingKeyBytes: [UInt8] { Data(base64Encoded: signingKey).map { [UInt8]($0) } ?? [] }
    }

    /// `ciid-admission-v1`.
    public var format = "ciid-admission-v1"
    /// The admitted node.
    public var node: NodeID
    /// The coordinator.
    public var coordinator: Anchor
    /// The federation CA certificate (PEM).
    public var caCertificate: String
    /// The node's TLS certificate (PEM), issued by the federation CA.
    public var certificate: String

    /// Reads an admission file.
    public init(json: [UInt8], source: String) throws(FederationError) {
        guard let value = try? JSONDecoder().decode(Admission.self, from: Data(json)), value.format == "ciid-admission-v1" else {
            throw FederationError(.malformed, "\(source) is not a ciid admission (ciid-admission-v1)")
        }
        self = value
    }

    init(node: NodeID, coordinator: Anchor, caCertificate: String, certificate: String) {
        self.node = node
        self.coordinator = coordinator
        self.caCertificate = caCertificate
        self.certificate = certificate
    }

    /// The JSON form.
    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? [UInt8](encoder.encode(self))) ?? []
    }
}
