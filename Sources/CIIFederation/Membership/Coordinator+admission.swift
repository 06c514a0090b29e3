import CIICore
import CIIStore
import Foundation

extension Coordinator {
    /// Admits the node of `request`, issues its TLS certificate (for the hosts of its endpoints
    /// only) and publishes a new manifest. The admission is signed with the coordinator's key.
    ///
    /// A node that is already a member is refused unless `replace` is set: then its keys and
    /// endpoints are replaced by those of the request, and it keeps the CA of its own PKI, if it had one.
    /// - Throws: ``MembershipError`` for an existing member without `replace`, or keys another member holds.
    public func admit(_ request: JoinRequest, replace: Bool = false) throws -> Admission {
        guard request.id != configuration.id else { throw MembershipError("the coordinator cannot admit itself; nothing was changed") }
        try request.verifySignature(source: "the join request of \(request.id)")
        return try CoordinatorLock.holding(directory.federation) {
            var members = try loadMembers()
            let existing = members.first { $0.id == request.id }
            if let existing, !replace {
                throw MembershipError(
                    "\(request.id) is already a member (endpoint \(existing.endpoint), signing key \(KeyFingerprint.of(base64: existing.signingKey))); nothing was changed. To replace its keys and endpoints with those of this request (a node that made new keys, or moved), run the same command with --replace"
                )
            }
            if let other = members.first(where: { $0.id != request.id && ($0.signingKey == request.signingKey || $0.boxKey == request.boxKey) }) {
                throw MembershipError(
                    "the join request of \(request.id) carries the keys of another member, \(other.id); nothing was changed. Each node has keys of its own: ask the administrator of \(request.id) for the request again"
                )
            }
            let authority = try loadAuthority()
            let certificate = try authority.issue(publicKeyPEM: request.tlsPublicKey, commonName: request.id.rawValue, hosts: Self.hosts(of: request))
            var member = request.member
            member.caCertificate = existing?.caCertificate
            members.removeAll { $0.id == request.id }
            members.append(member)
            try saveMembers(members)
            _ = try signAndWrite(now: Date())
            guard let own = members.first(where: { $0.id == configuration.id }) else {
                throw StoreError(.corrupt, "\(membersPath) lost the coordinator")
            }
            return Admission(
                node: request.id,
                coordinator: .init(id: configuration.id, endpoint: own.endpoint, signingKey: own.signingKey),
                caCertificate: authority.caCertificatePEM,
                certificate: certificate + authority.caCertificatePEM,
                signedWith: try NodeIdentity.load(from: directory).signing
            )
        }
    }

    func installCertificate(for request: JoinRequest, authority: CertificateAuthority, into directory: NodeDirectory) throws {
        let certificate = try authority.issue(publicKeyPEM: request.tlsPublicKey, commonName: request.id.rawValue, hosts: Self.hosts(of: request))
        try SecureFile.write(Array((certificate + authority.caCertificatePEM).utf8), to: directory.resolve(configuration.tlsCertificate), mode: 0o644)
        try SecureFile.write(Array(authority.caCertificatePEM.utf8), to: "\(directory.tls)/ca.crt", mode: 0o644)
    }

    /// The hosts a member's certificate names: those of its endpoint and federation endpoint, and
    /// nothing else (no `localhost`, loopback address or node id unless it is one of them), so that
    /// a member's certificate never vouches for another member's address.
    static func hosts(of request: JoinRequest) -> [String] { request.hosts }
}
