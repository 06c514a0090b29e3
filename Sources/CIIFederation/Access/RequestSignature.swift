public import CIICore
public import Foundation
public import Sodium

/// The signature every request on the members-only federation port carries, beside the client
/// certificate: the caller's Ed25519 signature of the method, the target (path and query), the
/// caller's id, the time and a hash of the body.
///
/// Headers: `CIID-Node: orp-vs`, `CIID-Time: 1764625000` (Unix seconds), `CIID-Signature: base64`.
/// The signed text is
///
/// ```
/// ciid-request-v2\nPOST\n/federation/batches\norp-vs\n1764625000\n<hex BLAKE2b-256 of the body>
/// ```
///
/// so a signature is good for one route, one body and a few minutes only.
public enum RequestSignature {
    /// The header naming the caller.
    public static let nodeHeader = "CIID-Node"
    /// The header with the signing time, Unix seconds.
    public static let timeHeader = "CIID-Time"
    /// The header with the base64 signature.
    public static let signatureHeader = "CIID-Signature"

    /// The headers that sign a request of `node` with `signer`.
    public static func headers(
        method: String,
        target: String,
        body: [UInt8],
        node: NodeID,
        signer: SigningKeyPair,
        now: Date = Date()
    ) -> [(String, String)] {
        let time = Int64(now.timeIntervalSince1970)
        let signature = signer.sign(text(method: method, target: target, node: node.rawValue, time: time, body: body))
        return [(nodeHeader, node.rawValue), (timeHeader, "\(time)"), (signatureHeader, Data(signature).base64EncodedString())]
    }

    /// Verifies a request's signature headers and returns the member that signed it.
    /// - Parameters:
    ///   - node, time, signature: the three header values, nil when absent.
    ///   - signingKey: the Ed25519 key of a current member, nil for anyone else.
    ///   - drift: how far the signing time may be from `now`, either way.
    /// - Throws: ``FederationError`` `unauthenticated` (missing, unreadable or outside the drift),
    ///   `notAMember`, or `badSignature`.
    public static func verify(
        method: String,
        target: String,
        body: [UInt8],
        node: String?,
        time: String?,
        signature: String?,
        signingKey: (NodeID) -> [UInt8]?,
        drift: Duration,
        now: Date = Date()
    ) throws(FederationError) -> NodeID {
        guard let node, let time, let signature else {
            throw FederationError(
                .unauthenticated,
                "a federation request is signed by a member: \(nodeHeader), \(timeHeader) and \(signatureHeader) are required"
            )
        }
        guard let caller = try? NodeID(node) else { throw FederationError(.unauthenticated, "\(nodeHeader) is not a node id") }
        guard let seconds = Int64(time) else { throw FederationError(.unauthenticated, "\(timeHeader) is not Unix seconds") }
        let skew = abs(Double(seconds) - now.timeIntervalSince1970)
        guard skew <= Double(drift.components.seconds) else {
            throw FederationError(
                .unauthenticated,
                "the request was signed \(Int(skew)) s away from this node's clock (at most \(drift.components.seconds) s allowed): check both clocks (NTP)"
            )
        }
        guard let publicKey = signingKey(caller) else { throw FederationError(.notAMember, "\(caller) is not a member of the federation") }
        guard let bytes = Data(base64Encoded: signature), bytes.count == SigningKeyPair.signatureLength,
            SigningKeyPair.verify(
                signature: [UInt8](bytes),
                message: text(method: method, target: target, node: caller.rawValue, time: seconds, body: body),
                publicKey: publicKey
            )
        else { throw FederationError(.badSignature, "the request is not signed by \(caller)") }
        return caller
    }

    static func text(method: String, target: String, node: String, time: Int64, body: [UInt8]) -> [UInt8] {
        let digest = GenericHash.hash(body).map { String(format: "%02x", $0) }.joined()
        return Array("ciid-request-v2\n\(method)\n\(target)\n\(node)\n\(time)\n\(digest)".utf8)
    }
}
