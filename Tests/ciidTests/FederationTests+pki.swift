import CIICore
import CIIFederation
import CIIStore
import Curl
import Foundation
import Testing

extension FederationTests {
    @Test func aMembersOwnCAIsTrustedForThatMemberAlone() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms, .oai])
        let coordinator = try federation.folder("cii-vs")
        // CMS and OAI serve certificates of their institution's PKI (one CA for both, to show
        // that trusting it for CMS vouches for nothing else); ORP keeps the federation CA's.
        let pki = try TestPKI(folder: federation.folder + "/pki")
        for id in ["cms-vs", "oai-vs"] {
            let issued = try pki.issue(for: id)
            try federation.configure(id, "tls_certificate", issued.certificate)
            try federation.configure(id, "tls_key", issued.key)
        }
        try federation.startAll(firstExchange: false)  // CMS and OAI cannot exchange yet
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        try federation.importCSV("cms-vs", FederationHarness.csv(21...25))

        // Before the coordinator records the CA, peers refuse CMS's certificate, as a server and as a
        // client of their members-only port: nothing is delivered to it, nor by it.
        func deliveryError(from origin: String, to peer: String) throws -> String? {
            try federation.store(origin).deliveries().first { $0.peer == peer }?.lastError
        }
        #expect(try federation.eventually { try deliveryError(from: "orp-vs", to: "cms-vs") != nil }, "\(federation.log("orp-vs"))")
        #expect(try deliveryError(from: "orp-vs", to: "cms-vs")?.contains("SSL") == true)
        #expect(try federation.eventually { try deliveryError(from: "cms-vs", to: "orp-vs") != nil }, "\(federation.log("cms-vs"))")
        #expect(try federation.replicaCount(at: "orp-vs", from: "cms-vs") == 0)
        let failures = try federation.store("orp-vs").deliveries().first { $0.peer == "cms-vs" }?.failures ?? 0
        try federation.importCSV("orp-vs", FederationHarness.csv(1...12))
        // First the positive signal that orp-vs tried again since the import (and failed), then the check.
        let triedAgain = try federation.eventually(within: 40) {
            try (federation.store("orp-vs").deliveries().first { $0.peer == "cms-vs" }?.failures ?? 0) > failures
        }
        #expect(triedAgain, "orp-vs made no delivery attempt after the import")
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") < 12)
        let before = try federation.ciid("status", "--data-dir", try federation.folder("orp-vs"))
        #expect(before.contains("cms-vs\tsent 0, acknowledged 0, lag 12") && before.contains("last error"), "\(before)")

        // What is not a CA certificate is refused, naming the file.
        let cmsCertificate = federation.folder + "/pki/cms-vs.crt"
        let leaf = try federation.ciidFailing("federation", "trust-ca", "--data-dir", coordinator, "cms-vs", "--ca", cmsCertificate)
        #expect(leaf.contains("\(cmsCertificate), certificate 1") && leaf.contains("is not a CA certificate"), "\(leaf)")
        let key = try federation.ciidFailing("federation", "trust-ca", "--data-dir", coordinator, "cms-vs", "--ca", federation.folder + "/pki/ca.key")
        #expect(key.contains("holds a private key"), "\(key)")
        let stranger = try federation.ciidFailing("federation", "trust-ca", "--data-dir", coordinator, "evil-vs", "--ca", pki.caCertificate)
        #expect(stranger.contains("evil-vs is not a member"), "\(stranger)")

        // Once it does, every node trusts that CA for CMS, and the federation converges on CMS.
        try federation.ciid("federation", "trust-ca", "--data-dir", coordinator, "cms-vs", "--ca", pki.caCertificate)
        try federation.importCSV("oai-vs", FederationHarness.csv(31...33))
        let reached = try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 12 }
        let error = try deliveryError(from: "orp-vs", to: "cms-vs") ?? "-"
        #expect(reached, "orp-vs did not reach cms-vs: \(error)")
        #expect(try federation.eventually { try federation.replicaCount(at: "orp-vs", from: "cms-vs") == 5 }, "\(federation.log("cms-vs"))")
        // OAI's client certificate chains to the same CA, but that CA vouches for CMS alone: OAI's
        // batches are refused at every members-only port, before any work.
        #expect(try federation.eventually { try deliveryError(from: "oai-vs", to: "cms-vs")?.contains("certificateMismatch") == true })
        #expect(try federation.replicaCount(at: "cms-vs", from: "oai-vs") == 0)
        #expect(try federation.eventually { try deliveryError(from: "orp-vs", to: "cms-vs") == nil })
        #expect(try federation.ciid("status", "--data-dir", try federation.folder("orp-vs")).contains("cms-vs\tsent 12, acknowledged 12, lag 0"))
        #expect(
            try federation.ciid("federation", "members", "--data-dir", coordinator).contains(
                "cms-vs\tdispositif\tCMS\t\(federation.url("cms-vs"))\town CA"
            )
        )
        // The CA bundle for CMS holds the federation CA and CMS's CA; no other peer has one.
        let bundle = try federation.folder("orp-vs") + "/federation/peers/cms-vs.pem"
        let bundled = try String(contentsOfFile: bundle, encoding: .utf8)
        #expect(bundled.components(separatedBy: "-----BEGIN CERTIFICATE-----").count == 3)
        #expect(try FileManager.default.attributesOfItem(atPath: bundle)[.posixPermissions] as? Int == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: try federation.folder("orp-vs") + "/federation/peers") == ["cms-vs.pem"])

        // OAI's certificate comes from the same CA, but the manifest lists it for CMS only: still refused.
        #expect(try deliveryError(from: "orp-vs", to: "oai-vs")?.contains("SSL") == true)
        #expect(try federation.store("orp-vs").deliveries().first { $0.peer == "oai-vs" }?.acknowledged == 0)
        #expect(try federation.replicaCount(at: "oai-vs", from: "orp-vs") < 12)

        // The manifest that carries the CA is signed by the coordinator, and verifies with its anchor key.
        let anchor = try JSONDecoder().decode(
            Admission.Anchor.self,
            from: Data(contentsOf: URL(fileURLWithPath: try federation.folder("orp-vs") + "/federation/anchor.json"))
        )
        let served = try Curl.perform(
            HTTPRequest(url: "\(try federation.url("cii-vs"))/federation/manifest", caFile: try federation.caFile("orp-vs"))
        )
        let manifest = try SignedManifest(json: served.body).verified(coordinatorKey: anchor.signingKeyBytes)
        #expect(manifest.member(try NodeID("cms-vs"))?.caCertificate?.contains("-----BEGIN CERTIFICATE-----") == true)
        #expect(manifest.members.filter { $0.caCertificate != nil }.map(\.id.rawValue) == ["cms-vs"])

        // Removing the CA withdraws the trust: the bundle goes and new changes no longer reach CMS.
        try federation.ciid("federation", "trust-ca", "--data-dir", coordinator, "cms-vs", "--remove")
        #expect(try federation.eventually { !FileManager.default.fileExists(atPath: bundle) })
        try federation.importCSV("orp-vs", FederationHarness.csv(1...14))
        #expect(try federation.eventually { try deliveryError(from: "orp-vs", to: "cms-vs") != nil })
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 12)
        for id in ["orp-vs", "cms-vs", "oai-vs", "cii-vs"] { federation.stop(id) }
    }
}
