import Crypto

extension Manifest {
    /// The member whose TLS public key (from its join request) is `publicKeyDER`, the
    /// SubjectPublicKeyInfo of a client certificate (DER), if any: how a client certificate is
    /// mapped to a member. Members admitted by an older release have no TLS key in the manifest
    /// and match nothing.
    public func member(withTLSPublicKeyDER publicKeyDER: [UInt8]) -> Member? {
        members.first { member in
            guard let pem = member.tlsPublicKey, let key = try? P256.Signing.PublicKey(pemRepresentation: pem) else { return false }
            return Array(key.derRepresentation) == publicKeyDER
        }
    }
}
