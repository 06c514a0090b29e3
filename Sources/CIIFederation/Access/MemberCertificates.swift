public import CIICore
import CIIStore
import Foundation
import SwiftASN1
import Synchronization
import X509

/// Which client certificates the members-only federation port accepts, and whose they are.
///
/// - At the handshake (``acceptsChain(_:)``): the chain leads to the federation CA, or to the CA
///   that a member's manifest entry lists for its own PKI (`trust-ca`). Nobody else gets further.
/// - At each request (``belongs(_:to:)``): the certificate is that of the member who signed the
///   request. A certificate of the federation CA is the member's when its common name is the
///   member's id and, when the manifest lists the member's TLS key, its key is that key; a
///   certificate of a member's own CA belongs to that member only.
public final class MemberCertificates: Sendable {
    let state: FederationState
    private let roots = Mutex<(version: Int64, federation: [Certificate], members: [NodeID: [Certificate]])?>(nil)

    /// Creates the checks for the node whose federation view is `state`.
    public init(state: FederationState) {
        self.state = state
    }

    /// Whether `chain` (DER, leaf first, as the client sent it) leads to the federation CA or to
    /// a current member's own CA, valid now.
    public func acceptsChain(_ chain: [[UInt8]]) async -> Bool {
        guard let leafBytes = chain.first, let leaf = try? Certificate(derEncoded: leafBytes) else { return false }
        let intermediates = chain.dropFirst().compactMap { try? Certificate(derEncoded: $0) }
        let (federation, members) = currentRoots()
        return await Self.validates(leaf, intermediates: intermediates, roots: federation + members.values.flatMap { $0 })
    }

    /// Whether the certificate `chain` (DER, leaf first) is that of `member`.
    public func belongs(_ chain: [[UInt8]], to member: NodeID) async -> Bool {
        guard let entry = state.manifest?.member(member), let leafBytes = chain.first, let leaf = try? Certificate(derEncoded: leafBytes) else {
            return false
        }
        let intermediates = chain.dropFirst().compactMap { try? Certificate(derEncoded: $0) }
        let (federation, members) = currentRoots()
        if await Self.validates(leaf, intermediates: intermediates, roots: federation) {
            guard Self.commonNames(of: leaf).contains(member.rawValue) else { return false }
            guard let pem = entry.tlsPublicKey else { return true }
            return (try? Certificate.PublicKey(pemEncoded: pem)) == leaf.publicKey
        }
        guard let own = members[member], !own.isEmpty else { return false }
        return await Self.validates(leaf, intermediates: intermediates, roots: own)
    }

    /// The federation CA and each member's own CAs, parsed once per manifest version.
    func currentRoots() -> (federation: [Certificate], members: [NodeID: [Certificate]]) {
        let manifest = state.manifest
        let version = manifest?.version ?? 0
        if let cached = roots.withLock({ $0 }), cached.version == version { return (cached.federation, cached.members) }
        let federation = Self.certificates(inPEM: (try? SecureFile.read(state.caFile)).map { String(decoding: $0, as: UTF8.self) } ?? "")
        var members: [NodeID: [Certificate]] = [:]
        for member in manifest?.members ?? [] {
            if let pem = member.caCertificate { members[member.id] = Self.certificates(inPEM: pem) }
        }
        roots.withLock { $0 = (version, federation, members) }
        return (federation, members)
    }

    static func validates(_ leaf: Certificate, intermediates: [Certificate], roots: [Certificate]) async -> Bool {
        guard !roots.isEmpty else { return false }
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) { RFC5280Policy(validationTime: Date()) }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(intermediates))
        if case .validCertificate = result { return true }
        return false
    }

    static func certificates(inPEM text: String) -> [Certificate] {
        ((try? PEMDocument.parseMultiple(pemString: text)) ?? []).compactMap { try? Certificate(pemDocument: $0) }
    }

    static func commonNames(of certificate: Certificate) -> [String] {
        certificate.subject.flatMap { $0 }.filter { $0.type == .RDNAttributeType.commonName }.map { "\($0.value)" }
    }
}
