public import CIICore
import Foundation
import Sodium

/// What the coordinator gives back to an admitted node: the trust anchor (its key and endpoint),
/// the federation CA, and the node's TLS certificate, signed by the coordinator.
///
/// The signature covers ``signedBytes``: format, node, the anchor's id, endpoint and signing key,
/// the CA certificate and the certificate, as ``CanonicalFields`` lays them out. `ciid join`
/// verifies it with the key the admission carries and prints that key's fingerprint: the node's
/// administrator compares it with the one `ciid federation admit` printed at the coordinator.
public struct Admission: Sendable, Codable, Hashable {
    /// The format this release writes and reads.
    public static let currentFormat = "ciid-admission-v2"

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
        /// The key's fingerprint, for the administrators to compare.
        public var signingKeyFingerprint: String { KeyFingerprint.of(base64: signingKey) }
    }

    /// `ciid-admission-v2`.
    public var format = Admission.currentFormat
    /// The admitted node.
    public var node: NodeID
    /// The coordinator.
    public var coordinator: Anchor
    /// The federation CA certificate (PEM).
    public var caCertificate: String
    /// The node's TLS certificate (PEM), issued by the federation CA.
    public var certificate: String
    /// The coordinator's Ed25519 signature of ``signedBytes``, base64.
    public var signature: String

    /// Reads an admission file and verifies its signature by the coordinator key it carries.
    /// - Throws: ``FederationError`` saying what is wrong with `source` and what to do.
    public init(json: [UInt8], source: String) throws(FederationError) {
        struct Format: Decodable { var format: String? }
        let format = (try? JSONDecoder().decode(Format.self, from: Data(json)))?.format
        if let format, format.hasPrefix("ciid-admission-"), format != Self.currentFormat {
            throw FederationError(
                .malformed,
                "\(source) is an admission of an older ciid (\(format)), which is not signed; nothing was changed. Upgrade the coordinator, and have it admit this node again (`ciid federation admit REQUEST --replace`)"
            )
        }
        guard format == Self.currentFormat, let value = try? JSONDecoder().decode(Admission.self, from: Data(json)) else {
            throw FederationError(.malformed, "\(source) is not a ciid admission (\(Self.currentFormat)); nothing was changed")
        }
        guard value.coordinator.signingKeyBytes.count == SigningKeyPair.publicKeyLength, let signature = Data(base64Encoded: value.signature),
            SigningKeyPair.verify(signature: [UInt8](signature), message: value.signedBytes, publicKey: value.coordinator.signingKeyBytes)
        else {
            throw FederationError(
                .badSignature,
                "\(source) is not signed by the coordinator key it names: it was changed after `ciid federation admit` wrote it; nothing was changed. Ask the coordinator's administrator for the admission again"
            )
        }
        self = value
    }

    /// An admission signed with the coordinator's key pair.
    init(node: NodeID, coordinator: Anchor, caCertificate: String, certificate: String, signedWith key: SigningKeyPair) {
        self.node = node
        self.coordinator = coordinator
        self.caCertificate = caCertificate
        self.certificate = certificate
        self.signature = ""
        self.signature = Data(key.sign(signedBytes)).base64EncodedString()
    }

    /// The exact bytes the signature covers.
    public var signedBytes: [UInt8] {
        CanonicalFields.bytes([
            format, node.rawValue, coordinator.id.rawValue, coordinator.endpoint, coordinator.signingKey, caCertificate, certificate,
        ])
    }

    /// The JSON form.
    public var json: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? [UInt8](encoder.encode(self))) ?? []
    }
}
