public import CIICore

/// The federation's membership, signed by the coordinator: which nodes exist, where they listen,
/// their public keys, and each epoch's fingerprint key sealed to each member.
public struct Manifest: Sendable, Codable, Hashable {
    /// One node of the federation.
    public struct Member: Sendable, Codable, Hashable {
        /// The node's name.
        public var id: NodeID
        /// Its role.
        public var role: NodeRole
        /// Its dispositif (dispositif nodes only).
        public var dispositif: Dispositif?
        /// Its HTTPS base URL, such as `https://orp.cii.vs.ch:8443`.
        public var endpoint: String
        /// Its Ed25519 public key, base64.
        public var signingKey: String
        /// Its X25519 public key, base64.
        public var boxKey: String
        /// The CA certificate(s) of its institution's own PKI (PEM), if its TLS certificate comes
        /// from there: peers trust it beside the federation CA, for this member's endpoint only.
        /// Absent in manifests before it existed, and for members served by the federation CA.
        public var caCertificate: String?
        /// Its members-only federation port's base URL (mutual TLS, signed requests). Absent for
        /// nodes of the previous wire version.
        public var federationEndpoint: String?
        /// The PEM public key of its TLS key, from its join request: its client certificate must carry it.
        public var tlsPublicKey: String?

        /// Creates a member.
        public init(
            id: NodeID,
            role: NodeRole,
            dispositif: Dispositif?,
            endpoint: String,
            signingKey: String,
            boxKey: String,
            caCertificate: String? = nil
        ) {
            self.id = id
            self.role = role
            self.dispositif = dispositif
            self.endpoint = endpoint
            self.signingKey = signingKey
            self.boxKey = boxKey
            self.caCertificate = caCertificate
        }
    }

    /// One epoch's key, sealed to each member's X25519 key.
    public struct EpochKeys: Sendable, Codable, Hashable {
        /// The epoch number.
        public var epoch: UInt32
        /// The key id (`FingerprintKey.keyID`), to compare without revealing.
        public var keyID: String
        /// Base64 of `crypto_box_seal(key, member's box key)`, by member id.
        public var sealed: [String: String]

        /// Creates an entry.
        public init(epoch: UInt32, keyID: String, sealed: [String: String]) {
            self.epoch = epoch
            self.keyID = keyID
            self.sealed = sealed
        }
    }

    /// Strictly increasing with every change.
    public var version: Int64
    /// The coordinator's node id.
    public var coordinator: NodeID
    /// The members, coordinator included.
    public var members: [Member]
    /// The epochs in use, newest last.
    public var epochs: [EpochKeys]

    /// Creates a manifest.
    public init(version: Int64, coordinator: NodeID, members: [Member], epochs: [EpochKeys]) {
        self.version = version
        self.coordinator = coordinator
        self.members = members
        self.epochs = epochs
    }

    /// The member named `id`.
    public func member(_ id: NodeID) -> Member? { members.first { $0.id == id } }
}
