public import Foundation
import SwiftASN1
import X509

/// The CA certificate(s) of a member's own PKI, checked before the coordinator puts them in the
/// manifest: PEM `CERTIFICATE` blocks only, each a CA (basic constraints CA:TRUE, allowed to
/// sign certificates) valid now. A file that holds a private key is refused.
public struct MemberCA: Sendable, Hashable {
    /// The certificates, PEM, one after the other.
    public let pem: String
    /// Their subjects, to show the administrator what was recorded.
    public let subjects: [String]

    /// The largest file accepted: a few CA certificates, never a whole trust store.
    public static let maximumBytes = 64 << 10

    /// Checks the PEM text read from `source` (a file name, for the messages).
    /// - Throws: ``TLSSetupError`` naming the file and what is wrong with it.
    public init(pem text: String, source: String, now: Date = Date()) throws(TLSSetupError) {
        guard text.utf8.count <= Self.maximumBytes else {
            throw TLSSetupError(
                reason: "\(source) is larger than \(Self.maximumBytes >> 10) KiB: give only the CA certificate(s) of the member's PKI"
            )
        }
        if text.contains("PRIVATE KEY-----") {
            throw TLSSetupError(
                reason: "\(source) holds a private key: give only the CA's certificate (a private key never goes into the manifest)"
            )
        }
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: text)
        } catch {
            throw TLSSetupError(reason: "\(source) is not valid PEM: \(error)")
        }
        guard !documents.isEmpty else {
            throw TLSSetupError(
                reason:
                    "\(source) holds no PEM certificate (no -----BEGIN CERTIFICATE----- block); a DER file converts with `openssl x509 -inform der -in FILE -out FILE.pem`"
            )
        }
        var subjects: [String] = []
        for (index, document) in documents.enumerated() {
            let name = "\(source), certificate \(index + 1)"
            guard document.discriminator == "CERTIFICATE" else {
                throw TLSSetupError(reason: "\(name) is a \(document.discriminator) block: only CERTIFICATE blocks are accepted")
            }
            let certificate: Certificate
            do {
                certificate = try Certificate(derEncoded: document.derBytes)
            } catch {
                throw TLSSetupError(reason: "\(name) is not an X.509 certificate: \(error)")
            }
            try Self.check(certificate, name: "\(name) (\(certificate.subject))", now: now)
            subjects.append("\(certificate.subject)")
        }
        self.pem = documents.map(\.pemString).joined(separator: "\n") + "\n"
        self.subjects = subjects
    }

    private static func check(_ certificate: Certificate, name: String, now: Date) throws(TLSSetupError) {
        let constraints = try? certificate.extensions.basicConstraints
        guard case .isCertificateAuthority = constraints else {
            throw TLSSetupError(
                reason:
                    "\(name) is not a CA certificate (its basic constraints lack CA:TRUE): give the certificate of the CA that issued the member's TLS certificate, not the TLS certificate itself"
            )
        }
        if let usage = try? certificate.extensions.keyUsage, !usage.keyCertSign {
            throw TLSSetupError(reason: "\(name) may not sign certificates (its key usage lacks keyCertSign)")
        }
        guard certificate.notValidAfter > now else {
            throw TLSSetupError(reason: "\(name) expired on \(ISO8601DateFormatter().string(from: certificate.notValidAfter))")
        }
        guard certificate.notValidBefore <= now else {
            throw TLSSetupError(reason: "\(name) is not valid before \(ISO8601DateFormatter().string(from: certificate.notValidBefore))")
        }
    }
}
