public import CIICore
public import CIIStore
import Foundation
public import Sodium

/// An origin's digest of its published set, signed by it and sealed to the node that asked.
public struct DigestMessage: Sendable, Codable, Hashable {
    /// The origin.
    public var origin: NodeID
    /// The node that asked.
    public var recipient: NodeID
    /// The origin's last change-log sequence the digest reflects.
    public var sequence: Int64
    /// The oldest last follow-up counted (the window's start at the origin), days since 1970.
    public var since: Int32
    /// The digest.
    public var digest: SetDigest

    /// Creates a message.
    public init(origin: NodeID, recipient: NodeID, sequence: Int64, since: Day, digest: SetDigest) {
        self.origin = origin
        self.recipient = recipient
        self.sequence = sequence
        self.since = since.daysSince1970
        self.digest = digest
    }

    /// Signs and seals the message.
    public func sealed(signer: SigningKeyPair, recipientBoxKey: [UInt8]) throws(FederationError) -> [UInt8] {
        guard let plain = try? JSONEncoder().encode(self) else { throw FederationError(.malformed, "cannot encode a digest") }
        return try SignedSeal.seal([UInt8](plain), signer: signer, recipientBoxKey: recipientBoxKey)
    }

    /// Opens a digest from `origin` addressed to `node`, verifying the origin's signature.
    public static func open(
        _ sealed: [UInt8],
        box: BoxKeyPair,
        node: NodeID,
        origin: NodeID,
        originKey: [UInt8]
    ) throws(FederationError) -> DigestMessage {
        let (plain, signature) = try SignedSeal.open(sealed, box: box)
        guard SigningKeyPair.verify(signature: signature, message: plain, publicKey: originKey) else {
            throw FederationError(.badSignature, "the digest is not signed by \(origin)")
        }
        guard let message = try? JSONDecoder().decode(DigestMessage.self, from: Data(plain)) else {
            throw FederationError(.malformed, "not a digest")
        }
        guard message.origin == origin, message.recipient == node else {
            throw FederationError(.wrongRecipient, "the digest is from \(message.origin) for \(message.recipient)")
        }
        return message
    }
}
