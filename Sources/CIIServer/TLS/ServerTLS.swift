public import CIIFederation
public import NIOSSL

/// The TLS configuration of a node's HTTPS server, from PEM files.
public enum ServerTLS {
    /// Loads `certificate` (a PEM chain, leaf first) and `key` (PEM); TLS 1.2 at least.
    /// - Throws: ``TLSSetupError`` naming the file that cannot be used.
    public static func configuration(certificate: String, key: String) throws(TLSSetupError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw TLSSetupError(reason: "cannot read the TLS certificate \(certificate): \(error)")
        }
        guard !chain.isEmpty else { throw TLSSetupError(reason: "\(certificate) holds no PEM certificate") }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
        } catch {
            throw TLSSetupError(reason: "cannot read the TLS private key \(key): \(error)")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(privateKey)
        )
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }
}
