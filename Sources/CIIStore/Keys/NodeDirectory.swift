/// The files of one node under its data folder.
///
/// ```
/// DATA/ciid.conf            configuration (commented)
/// DATA/node.sqlite          database (WAL): own set, change log, replica
/// DATA/access.sqlite        accounts, sessions, API tokens (kept apart from the replica)
/// DATA/audit/               the hash-chained audit log, one file per month; its key is keys/audit.key
/// DATA/keys/signing.key     Ed25519 secret key (0600)   signing.pub  public key
/// DATA/keys/box.key         X25519 secret key (0600)    box.pub      public key
/// DATA/keys/federation.json federation keys by epoch (0600)
/// DATA/tls/node.crt, node.key, ca.crt   TLS certificate, key (0600), and the CA that signed it
/// DATA/federation/          manifest.json (signed), anchor.json (the coordinator's key and endpoint),
///                           ca.crt (federation CA), peers/ID.pem (federation CA + the own CA of member ID,
///                           for members whose manifest entry has one); on the coordinator also ca.key (0600)
///                           and members.json
/// ```
public struct NodeDirectory: Sendable {
    /// The data folder.
    public let root: String

    /// Names the data folder (the path is used as given, relative to the working folder).
    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    /// `ciid.conf`.
    public var configuration: String { "\(root)/ciid.conf" }
    /// `node.sqlite`.
    public var database: String { "\(root)/node.sqlite" }
    /// `access.sqlite`: accounts, sessions, API tokens.
    public var accessDatabase: String { "\(root)/access.sqlite" }
    /// `keys/`.
    public var keys: String { "\(root)/keys" }
    /// `tls/`.
    public var tls: String { "\(root)/tls" }
    /// `keys/signing.key`.
    public var signingKey: String { "\(keys)/signing.key" }
    /// `keys/signing.pub`.
    public var signingPublicKey: String { "\(keys)/signing.pub" }
    /// `keys/box.key`.
    public var boxKey: String { "\(keys)/box.key" }
    /// `keys/box.pub`.
    public var boxPublicKey: String { "\(keys)/box.pub" }
    /// `keys/federation.json`.
    public var federationKeys: String { "\(keys)/federation.json" }
    /// `federation/`: the manifest, the trust anchor, and on the coordinator the CA and the members.
    public var federation: String { "\(root)/federation" }

    /// Resolves a path from the configuration: absolute as is, relative from the data folder.
    public func resolve(_ path: String) -> String { path.hasPrefix("/") ? path : "\(root)/\(path)" }
}
