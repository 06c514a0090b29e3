import Crypto
public import Foundation
import SwiftASN1
import X509

/// A certificate authority that issues node TLS certificates, made with swift-certificates
/// (ECDSA P-256, PEM).
///
/// `ciid init` makes one per node so that a fresh node serves HTTPS at once; the coordinator's
/// is the federation CA, which issues each admitted node its certificate. Institutions may use
/// their own PKI instead.
public struct CertificateAuthority: Sendable {
    /// The CA certificate, PEM.
    public let caCertificatePEM: String
    /// The CA private key, PEM (PKCS#8).
    public let caKeyPEM: String

    /// An existing CA, from its PEM certificate and key.
    public init(caCertificatePEM: String, caKeyPEM: String) {
        self.caCertificatePEM = caCertificatePEM
        self.caKeyPEM = caKeyPEM
    }

    /// Creates a new CA named `name`, valid ten years.
    public static func make(name: String, now: Date = Date()) throws(TLSSetupError) -> CertificateAuthority {
        do {
            let key = P256.Signing.PrivateKey()
            let subject = try DistinguishedName {
                OrganizationName("CII federation (development)")
                CommonName(name)
            }
            let certificate = try Certificate(
                version: .v3,
                serialNumber: .init(),
                publicKey: .init(key.publicKey),
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
                issuer: subject,
                subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                },
                issuerPrivateKey: .init(key)
            )
            return CertificateAuthority(caCertificatePEM: try certificate.serializeAsPEM().pemString + "\n", caKeyPEM: key.pemRepresentation + "\n")
        } catch {
            throw TLSSetupError(reason: "cannot make a development CA: \(error)")
        }
    }

    /// Issues a server certificate for `hosts` (DNS names and IP addresses) with a new key, valid two years.
    /// - Returns: the certificate and its private key, both PEM.
    public func issueServerCertificate(
        commonName: String,
        hosts: [String],
        now: Date = Date()
    ) throws(TLSSetupError) -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        return (
            try issue(publicKeyPEM: key.publicKey.pemRepresentation, commonName: commonName, hosts: hosts, now: now), key.pemRepresentation + "\n"
        )
    }

    /// Issues a certificate for an existing public key (PEM), as the coordinator does for a joining node.
    public func issue(publicKeyPEM: String, commonName: String, hosts: [String], now: Date = Date()) throws(TLSSetupError) -> String {
        do {
            let caKey = try P256.Signing.PrivateKey(pemRepresentation: caKeyPEM)
            let caCertificate = try Certificate(pemEncoded: caCertificatePEM)
            let publicKey = try P256.Signing.PublicKey(pemRepresentation: publicKeyPEM)
            var names: [GeneralName] = []
            for host in hosts {
                if let bytes = Self.ipAddressBytes(host) {
                    names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(bytes))))
                } else {
                    names.append(.dnsName(host))
                }
            }
            let certificate = try Certificate(
                version: .v3,
                serialNumber: .init(),
                publicKey: .init(publicKey),
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(2 * 365 * 86_400),
                issuer: caCertificate.subject,
                subject: try DistinguishedName { CommonName(commonName) },
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true))
                    try ExtendedKeyUsage([.serverAuth, .clientAuth])
                    SubjectAlternativeNames(names)
                },
                issuerPrivateKey: .init(caKey)
            )
            return try certificate.serializeAsPEM().pemString + "\n"
        } catch {
            throw TLSSetupError(reason: "cannot issue a certificate for \(commonName): \(error)")
        }
    }

    /// The public key (PEM) of a private key (PEM), to put in a join request.
    public static func publicKeyPEM(ofPrivateKeyPEM pem: String) throws(TLSSetupError) -> String {
        do {
            return try P256.Signing.PrivateKey(pemRepresentation: pem).publicKey.pemRepresentation
        } catch {
            throw TLSSetupError(reason: "the TLS key is not an ECDSA P-256 PEM key: \(error)")
        }
    }

    /// The public key (PEM) a certificate (PEM, the first of a chain) certifies, to compare with a node's TLS key.
    public static func publicKeyPEM(ofCertificatePEM pem: String) throws(TLSSetupError) -> String {
        do {
            guard let key = P256.Signing.PublicKey(try Certificate(pemEncoded: firstCertificate(of: pem)).publicKey) else {
                throw TLSSetupError(reason: "the certificate's key is not an ECDSA P-256 key")
            }
            return key.pemRepresentation
        } catch let error as TLSSetupError {
            throw error
        } catch {
            throw TLSSetupError(reason: "cannot read the certificate: \(error)")
        }
    }

    /// The first PEM certificate of a chain.
    static func firstCertificate(of pem: String) -> String {
        pem.range(of: "-----END CERTIFICATE-----").map { String(pem[..<$0.upperBound]) } ?? pem
    }

    /// The host names and IP addresses a certificate (PEM, the first of a chain) is valid for:
    /// its subject alternative names, as `orp.cii.vs.ch` or `10.1.2.3`.
    public static func hosts(inCertificatePEM pem: String) throws(TLSSetupError) -> [String] {
        do {
            let certificate = try Certificate(pemEncoded: firstCertificate(of: pem))
            guard let names = try certificate.extensions.subjectAlternativeNames else { return [] }
            return names.map { name in
                switch name {
                case .dnsName(let host): return host
                case .ipAddress(let address) where address.bytes.count == 4: return address.bytes.map(String.init).joined(separator: ".")
                case .ipAddress(let address):
                    return stride(from: 0, to: address.bytes.count, by: 2).map { offset in
                        let start = address.bytes.startIndex + offset
                        return String(UInt16(address.bytes[start]) << 8 | UInt16(address.bytes[start + 1]), radix: 16)
                    }.joined(separator: ":")
                default: return "\(name)"
                }
            }
        } catch {
            throw TLSSetupError(reason: "cannot read the certificate's names: \(error)")
        }
    }

    static func ipAddressBytes(_ host: String) -> [UInt8]? {
        let parts = host.split(separator: ".")
        if parts.count == 4, let bytes = Optional(parts.compactMap { UInt8($0) }), bytes.count == 4 { return bytes }
        if host == "::1" { return [UInt8](repeating: 0, count: 15) + [1] }
        return nil
    }
}

/// TLS material that cannot be made or loaded.
public struct TLSSetupError: Error, Sendable, CustomStringConvertible {
    /// What went wrong and what to do.
    public let reason: String
    /// Creates an error.
    public init(reason: String) { self.reason = reason }
    /// The reason.
    public var description: String { reason }
}
