import NIOCore
import NIOSSL

/// The client certificate chain of a TLS connection, as DER, leaf first.
enum PeerCertificateChain {
    /// The chain the handshake validated (kept when the verification callback returns it), or the
    /// leaf alone; empty when the client sent none.
    static func of(_ channel: any Channel) async -> [[UInt8]] {
        let validated = try? await channel.nioSSL_peerValidatedCertificateChain().get()
        if let validated, !validated.isEmpty {
            return validated.compactMap { try? $0.toDERBytes() }
        }
        guard let leaf = try? await channel.nioSSL_peerCertificate().get(), let der = try? leaf.toDERBytes() else { return [] }
        return [der]
    }
}
