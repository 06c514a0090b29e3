public import CIICore
public import Sodium

/// Signs a batch by its origin and encrypts it to its recipient; opens and verifies it on arrival.
///
/// sealed = crypto_box_seal(batch ‖ Ed25519 signature of batch, recipient's X25519 key).
/// The signature covers the origin and the recipient named inside the batch, so a batch cannot be
/// re-addressed to another node, and only the recipient can read which fingerprints it carries.
public enum BatchSeal {
    /// Bytes added to a batch: signature and sealed-box overhead.
    public static let overhead = SigningKeyPair.signatureLength + BoxKeyPair.sealOverhead

    /// Signs `batch` with `signer` and seals it to `recipientBoxKey`.
    public static func seal(_ batch: Batch, signer: SigningKeyPair, recipientBoxKey: [UInt8]) throws(FederationError) -> [UInt8] {
        try SignedSeal.seal(batch.encoded(), signer: signer, recipientBoxKey: recipientBoxKey)
    }

    /// Opens a sealed batch addressed to `node`, checking in order: it opens with `box`, its
    /// origin is a member (`signingKey` returns its public key), the origin's signature verifies,
    /// it decodes, and it is addressed to `node`.
    public static func open(
        _ sealed: [UInt8],
        box: BoxKeyPair,
        node: NodeID,
        signingKey: (NodeID) -> [UInt8]?
    ) throws(FederationError) -> Batch {
        let (plain, signature) = try SignedSeal.open(sealed, box: box)
        var header = ByteReader(plain)
        _ = try header.bytes(6)
        guard let origin = try? NodeID(try header.text()) else { throw FederationError(.malformed, "the batch names an invalid origin") }
        guard let publicKey = signingKey(origin) else { throw FederationError(.notAMember, "\(origin) is not a member of the federation") }
        guard SigningKeyPair.verify(signature: signature, message: plain, publicKey: publicKey) else {
            throw FederationError(.badSignature, "the batch is not signed by \(origin)")
        }
        let batch = try Batch(decoding: plain)
        guard batch.recipient == node else { throw FederationError(.wrongRecipient, "the batch is for \(batch.recipient), not \(node)") }
        return batch
    }
}
