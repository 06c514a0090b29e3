public import CIICore
public import Foundation

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
        /// The HTTPS base URL of its members-only federation listener, such as
        /// `https://orp.cii.vs.ch:8444`. Absent for a member admitted by an older release: it joins
        /// again (`ciid join-request`, then `ciid federation admit --replace`).
        public var federationEndpoint: String?
        /// Its Ed25519 public key, base64.
        public var signingKey: String
        /// Its X25519 public key, base64.
        public var boxKey: String
        /// The public key of its TLS key (PEM), from its join request: a client certificate is
        /// mapped to the member whose key it certifies. Absent for a member admitted by an older release.
        public var tlsPublicKey: String?
        /// The CA certificate(s) of its institution's own PKI (PEM), if its TLS certificate comes
        /// from there: peers trust it beside the federation CA, for this member's endpoint only.
        /// Absent in manifests before it existed, and for members served by the federation CA.
        public var caCertificate: String?

        /// Creates a member.
        public init(
            id: NodeID,
            role: NodeRole,
            dispositif: Dispositif?,
            endpoint: String,
            federationEndpoint: String? = nil,
            signingKey: String,
            boxKey: String,
            tlsPublicKey: String? = nil,
            caCertificate: String? = nil
        ) {
            self.id = id
            self.role = role
            self.dispositif = dispositif
            self.endpoint = endpoint
            self.federationEndpoint = federationEndpoint
            self.signingKey = signingKey
            self.boxKey = boxKey
            self.tlsPublicKey = tlsPublicKey
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
        /// The width of the epoch's fingerprints in bytes: 16 for epochs made since issue 15.
        /// Absent (32) for older epochs, so manifests of older releases still verify and read.
        public var width: Int?

        /// Creates an entry; a `width` of 32 is left out of the JSON (older releases read it).
        public init(epoch: UInt32, keyID: String, sealed: [String: String], width: Int? = nil) {
            self.epoch = epoch
            self.keyID = keyID
            self.sealed = sealed
            self.width = width == Fingerprint.byteCount ? nil : width
        }

        /// The width of the epoch's fingerprints in bytes (32 when the manifest does not say).
        public var fingerprintWidth: Int { width ?? Fingerprint.byteCount }
    }

    /// Strictly increasing with every publication, and never going back: the coordinator takes
    /// the larger of the previous version + 1 and the current Unix time in milliseconds, so that a
    /// coordinator that lost its `manifest.json`, or was restored from an old backup, still
    /// publishes above every version it published before (as long as its clock is right).
    public var version: Int64
    /// The coordinator's node id.
    public var coordinator: NodeID
    /// The members, coordinator included.
    public var members: [Member]
    /// The epochs in use, newest last.
    public var epochs: [EpochKeys]
    /// When this manifest expires, in Unix seconds (`federation.manifest_days` after it was
    /// signed). The coordinator signs a new one well before; a node still holding it afterwards
    /// warns loudly. Absent in manifests of older releases (no expiry).
    public var expiresAt: Int64?

    /// Creates a manifest.
    public init(version: Int64, coordinator: NodeID, members: [Member], epochs: [EpochKeys], expiresAt: Int64? = nil) {
        self.version = version
        self.coordinator = coordinator
        self.members = members
        self.epochs = epochs
        self.expiresAt = expiresAt
    }

    /// Whether this manifest has expired at `now`.
    public func isExpired(at now: Date = Date()) -> Bool { expiresAt.map { Int64(now.timeIntervalSince1970) >= $0 } ?? false }

    /// The member named `id`.
    public func member(_ id: NodeID) -> Member? { members.first { $0.id == id } }
}
