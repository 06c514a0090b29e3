public import CIICore
import Sodium

/// Who may read `GET /metrics`: a client whose address is in ``allow``, or a request carrying
/// the bearer token (`metrics.allow`, `metrics.token_file`). Only the token's BLAKE2b hash is
/// kept, and a presented token is compared by its hash in constant time.
public struct MetricsAccess: Sendable {
    /// The client addresses served without a token.
    public let allow: [AddressRange]
    /// The hash of the token, or nil when no token opens the metrics.
    let tokenHash: [UInt8]?

    /// The shortest token accepted: 32 characters (`openssl rand -base64 33` gives 44).
    public static let minimumTokenLength = 32

    /// Serves `allow`, and anyone presenting `token` (nil: nobody by token).
    public init(allow: [AddressRange], token: String? = nil) {
        self.allow = allow
        self.tokenHash = token.map { GenericHash.hash(Array($0.utf8)) }
    }

    /// Whether a request from `address` (nil when unknown) with the `Authorization` header
    /// `authorization` may read the metrics.
    public func admits(address: String?, authorization: String?) -> Bool {
        if let address, allow.contains(where: { $0.contains(address) }) { return true }
        guard let tokenHash, let presented = TokenAuthenticator.bearer(authorization) else { return false }
        return Sodium.constantTimeEqual(GenericHash.hash(Array(presented.utf8)), tokenHash)
    }
}
