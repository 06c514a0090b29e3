import Foundation
public import Sodium

/// The node's own key pairs: Ed25519 to sign what it publishes, X25519 to receive what is sealed to it.
public struct NodeIdentity: Sendable {
    /// Signs batches.
    public let signing: SigningKeyPair
    /// Opens sealed federation keys and batches.
    public let box: BoxKeyPair

    /// Generates both key pairs and writes them under `directory` (secret keys 0600).
    /// - Throws: ``StoreError`` when a key file exists already: an identity is never overwritten.
    public static func create(in directory: NodeDirectory) throws(StoreError) -> NodeIdentity {
        let identity = NodeIdentity(signing: .generate(), box: .generate())
        try SecureFile.makeDirectory(directory.keys)
        var signingSecret = identity.signing.secretKey.copyBytes()
        var boxSecret = identity.box.secretKey.copyBytes()
        defer {
            Sodium.wipe(&signingSecret)
            Sodium.wipe(&boxSecret)
        }
        try SecureFile.write(Array(Data(signingSecret).base64EncodedString().utf8), to: directory.signingKey, overwrite: false)
        try SecureFile.write(Array(Data(boxSecret).base64EncodedString().utf8), to: directory.boxKey, overwrite: false)
        try SecureFile.write(Array(Data(identity.signing.publicKey).base64EncodedString().utf8), to: directory.signingPublicKey, mode: 0o644)
        try SecureFile.write(Array(Data(identity.box.publicKey).base64EncodedString().utf8), to: directory.boxPublicKey, mode: 0o644)
        return identity
    }

    /// Reads the key pairs of the node at `directory`.
    public static func load(from directory: NodeDirectory) throws(StoreError) -> NodeIdentity {
        let signingSecret = try decode(directory.signingKey)
        let boxSecret = try decode(directory.boxKey)
        do {
            return NodeIdentity(signing: try SigningKeyPair(secretKey: signingSecret), box: try BoxKeyPair(secretKey: boxSecret))
        } catch {
            throw StoreError(.corrupt, "a key file under \(directory.keys) does not hold a key of the right length")
        }
    }

    private static func decode(_ path: String) throws(StoreError) -> SecretBytes {
        var text = try SecureFile.readSecret(path)
        defer { Sodium.wipe(&text) }
        guard var bytes = Data(base64Encoded: Data(text), options: .ignoreUnknownCharacters).map(Array.init) else {
            throw StoreError(.corrupt, "\(path) is not a base64 key")
        }
        defer { Sodium.wipe(&bytes) }
        return SecretBytes(bytes)
    }
}
