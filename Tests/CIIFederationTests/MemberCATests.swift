import CIICore
import CIIFederation
import Foundation
import Testing

/// What `ciid federation trust-ca` accepts as a member's own CA, and how the manifest carries it.
@Suite struct MemberCATests {
    func refusal(_ text: String, now: Date = Date()) -> String {
        do {
            _ = try MemberCA(pem: text, source: "pki.pem", now: now)
            return "accepted"
        } catch {
            return error.reason
        }
    }

    @Test func aCACertificateIsAcceptedAndNormalised() throws {
        let authority = try CertificateAuthority.make(name: "Institution CA")
        let ca = try MemberCA(pem: "comment before\n" + authority.caCertificatePEM, source: "pki.pem")
        #expect(ca.pem.hasPrefix("-----BEGIN CERTIFICATE-----") && ca.pem.hasSuffix("-----END CERTIFICATE-----\n"))
        #expect(ca.subjects.count == 1 && ca.subjects[0].contains("Institution CA"))
        let two = try MemberCA(pem: authority.caCertificatePEM + (try CertificateAuthority.make(name: "Root").caCertificatePEM), source: "pki.pem")
        #expect(two.subjects.count == 2)
    }

    @Test func whatIsNotAValidCACertificateIsRefusedNamingTheFile() throws {
        let authority = try CertificateAuthority.make(name: "Institution CA")
        let leaf = try authority.issueServerCertificate(commonName: "orp-vs", hosts: ["localhost"])
        #expect(refusal(leaf.certificate).contains("pki.pem, certificate 1") && refusal(leaf.certificate).contains("is not a CA certificate"))
        #expect(refusal(authority.caCertificatePEM + leaf.key).contains("holds a private key"))
        #expect(refusal("hello").contains("pki.pem holds no PEM certificate"))
        #expect(refusal("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").contains("only CERTIFICATE blocks"))
        #expect(refusal("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n").contains("is not an X.509 certificate"))
        let old = try CertificateAuthority.make(name: "Old CA", now: Date().addingTimeInterval(-11 * 365 * 86_400))
        #expect(refusal(old.caCertificatePEM).contains("expired on"))
    }

    @Test func aManifestWithoutMemberCAsStillReadsAndOneWithACAKeepsIt() throws {
        let old = Data(
            """
            {"coordinator":"cii-vs","epochs":[{"epoch":1,"keyID":"abc","sealed":{}}],"members":[{"boxKey":"AA==","dispositif":"ORP",\
            "endpoint":"https://orp:8443","id":"orp-vs","role":"dispositif","signingKey":"AA=="}],"version":3}
            """.utf8
        )
        let manifest = try JSONDecoder().decode(Manifest.self, from: old)
        #expect(manifest.members[0].caCertificate == nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(!String(decoding: try encoder.encode(manifest), as: UTF8.self).contains("caCertificate"))
        var withCA = manifest
        withCA.members[0].caCertificate = try CertificateAuthority.make(name: "Institution CA").caCertificatePEM
        let decoded = try JSONDecoder().decode(Manifest.self, from: try encoder.encode(withCA))
        #expect(decoded.members[0].caCertificate == withCA.members[0].caCertificate)
    }
}
