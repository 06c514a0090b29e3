public import CIIFederation
public import NIOSSL

/// The TLS configuration of a node's HTTPS server, from PEM files.
public enum ServerTLS {
    /// The TLS 1.2 cipher suites a node offers: the ECDHE part of Mozilla's "intermediate" list
    /// (forward secrecy, AEAD only; no CBC suite, so nothing for LUCKY13). TLS 1.3 suites are
    /// BoringSSL's own and all AEAD.
    public static let tls12CipherSuites: [NIOTLSCipher] = [
        .TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        .TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        .TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        .TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        .TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        .TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    ]

    /// Loads `certificate` (a PEM chain, leaf first) and `key` (PEM), ``hardened(_:)``.
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
        return hardened(
            TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) },
                privateKey: .privateKey(privateKey)
            )
        )
    }

    /// `configuration` with TLS 1.2 at least and only ``tls12CipherSuites`` for TLS 1.2: what
    /// every listener of a node serves (``GuardedTLSChannel`` applies it).
    public static func hardened(_ configuration: TLSConfiguration) -> TLSConfiguration {
        var configuration = configuration
        switch configuration.minimumTLSVersion {
        case .tlsv1, .tlsv11: configuration.minimumTLSVersion = .tlsv12
        default: break
        }
        configuration.cipherSuiteValues = tls12CipherSuites
        return configuration
    }
}
