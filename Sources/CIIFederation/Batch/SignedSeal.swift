import Sodium

/// Sign-then-seal, the envelope of everything nodes send each other: the plaintext is signed by
/// its origin (Ed25519) and the plaintext with its signature sealed to the recipient (X25519).
enum SignedSeal {
    static func seal(_ plain: [UInt8], signer: SigningKeyPair, recipientBoxKey: [UInt8]) throws(FederationError) -> [UInt8] {
        do {
            return try BoxKeyPair.seal(plain + signer.sign(plain), to: recipientBoxKey)
        } catch {
            throw FederationError(.malformed, "cannot seal to the recipient: \(error.reason)")
        }
    }

    /// Opens `sealed`; returns the plaintext and the signature, not yet verified.
    static func open(_ sealed: [UInt8], box: BoxKeyPair) throws(FederationError) -> (plain: [UInt8], signature: [UInt8]) {
        let opened: [UInt8]
        do {
            opened = try box.open(sealed)
        } catch {
            throw FederationError(.cannotOpen, "the message is not sealed to this node, or was altered")
        }
        guard opened.count > SigningKeyPair.signatureLength else { throw FederationError(.malformed, "the message is empty") }
        return (Array(opened.dropLast(SigningKeyPair.signatureLength)), Array(opened.suffix(SigningKeyPair.signatureLength)))
    }
}
