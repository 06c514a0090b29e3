import CIICore
import CIIFederation
import CIIStore
import CIITestSupport
import Curl
import Foundation
import Sodium
import Testing

/// The outside review's first finding: anyone could pull a genuine reset batch from one node and
/// replay it into another. Only members now reach the federation routes (their own port, client
/// certificate, signed requests), and a reset replayed by anyone changes nothing.
extension FederationTests {
    @Test func anOutsiderCanNeitherPullNorReplayIntoTheFederation() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        try federation.importCSV("cms-vs", FederationHarness.csv(6...15, caseworker: "cms-3"))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10 })
        #expect(try federation.eventually { try federation.replicaCount(at: "orp-vs", from: "cms-vs") == 10 })

        // The review's pull: an outsider with no key and no certificate asks ORP for CMS's changes.
        let pulled = try Curl.perform(
            HTTPRequest(url: "\(try federation.url("orp-vs"))/federation/changes?for=cms-vs&after=1", caFile: try federation.caFile("orp-vs"))
        )
        #expect(pulled.status == 410 && pulled.text.contains("federation.moved"), "the public port answered \(pulled.status)")
        let digest = try Curl.perform(
            HTTPRequest(url: "\(try federation.url("orp-vs"))/federation/digest?for=cms-vs", caFile: try federation.caFile("orp-vs"))
        )
        #expect(digest.status == 410)
        // The manifest alone stays public.
        let manifest = try Curl.perform(
            HTTPRequest(url: "\(try federation.url("cii-vs"))/federation/manifest", caFile: try federation.caFile("orp-vs"))
        )
        #expect(manifest.status == 200)

        // The members-only port: no client certificate, or one of another CA, ends at the handshake.
        let members = try federation.federationURL("orp-vs")
        #expect(throws: CurlError.self) {
            try Curl.perform(HTTPRequest(url: "\(members)/healthz", caFile: try federation.caFile("orp-vs"), timeoutSeconds: 10))
        }
        let stranger = try TestPKI(folder: federation.folder + "/stranger-pki").issue(for: "cms-vs")
        #expect(throws: CurlError.self) {
            try Curl.perform(
                HTTPRequest(url: "\(members)/healthz", caFile: try federation.caFile("orp-vs"), clientCertificate: stranger, timeoutSeconds: 10)
            )
        }
        // A member's certificate without a signature, with a signature of another key, or with
        // another member's certificate, is refused before any work.
        let cms = try federation.member("cms-vs")
        let orp = try federation.member("orp-vs")
        func ask(_ target: String, as node: String, signer: SigningKeyPair, certificate: (String, String), at: Date = Date()) throws -> HTTPResponse {
            let headers = RequestSignature.headers(method: "GET", target: target, body: [], node: try NodeID(node), signer: signer, now: at)
            return try Curl.perform(
                HTTPRequest(url: members + target, headers: headers, caFile: try federation.caFile("cms-vs"), clientCertificate: certificate)
            )
        }
        let unsigned = try Curl.perform(
            HTTPRequest(url: "\(members)/federation/digest", caFile: try federation.caFile("cms-vs"), clientCertificate: cms.certificate)
        )
        #expect(unsigned.status == 401 && unsigned.text.contains("federation.unauthenticated"))
        #expect(try ask("/federation/digest", as: "cms-vs", signer: .generate(), certificate: cms.certificate).status == 403)
        #expect(try ask("/federation/digest", as: "orp-vs", signer: orp.signing, certificate: cms.certificate).text.contains("certificateMismatch"))
        #expect(try ask("/federation/digest", as: "cms-vs", signer: cms.signing, certificate: cms.certificate, at: Date() - 3600).status == 401)
        let changes = try ask("/federation/changes?for=orp-vs&after=0", as: "cms-vs", signer: cms.signing, certificate: cms.certificate)
        #expect(changes.status == 403, "a member asked for what is sealed to another")
        // And the positive control: CMS, with its own certificate and key, gets its digest.
        #expect(try ask("/federation/digest", as: "cms-vs", signer: cms.signing, certificate: cms.certificate).status == 200)

        // A genuine full resend of ORP (a reset of a new generation) re-adds the same rows and raises no alert again.
        let alertsBefore = try federation.store("cms-vs").overlapEvents().count
        let key = try #require(try FederationKeyStore(directory: NodeDirectory(root: orp.folder)).keys().first)
        let held = try federation.store("cms-vs").checkpoint(of: try NodeID("orp-vs"))
        let fingerprinter = Fingerprinter(key: key)
        let resend = Batch(
            origin: try NodeID("orp-vs"),
            dispositif: .orp,
            recipient: try NodeID("cms-vs"),
            after: 0,
            through: held,
            changes: (1...10).map {
                Change(
                    kind: .upsert,
                    epoch: key.epoch,
                    fingerprint: fingerprinter.fingerprint(FederationHarness.avs($0)),
                    lastOn: Day.today().adding(days: -5)
                )
            },
            reset: true,
            generation: 1_000,
            reachesEnd: true
        )
        let sealed = try BatchSeal.seal(resend, signer: orp.signing, recipientBoxKey: cms.box.publicKey)
        func post(_ body: [UInt8]) throws -> HTTPResponse {
            let target = "/federation/batches"
            let headers = RequestSignature.headers(method: "POST", target: target, body: body, node: try NodeID("orp-vs"), signer: orp.signing)
            return try Curl.perform(
                HTTPRequest(
                    method: "POST",
                    url: try federation.federationURL("cms-vs") + target,
                    headers: headers,
                    body: body,
                    caFile: try federation.caFile("orp-vs"),
                    clientCertificate: orp.certificate
                )
            )
        }
        let applied = try post(sealed)
        #expect(applied.status == 200 && applied.text.contains("\"generation\":1000"), "\(applied.status) \(applied.text)")
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10)
        #expect(try federation.store("cms-vs").overlapEvents().count == alertsBefore, "a resend raised alerts again")

        // The same reset replayed, or an older one with fewer rows, changes nothing.
        let replayed = try post(sealed)
        #expect(replayed.status == 409 && replayed.text.contains("\"staleReset\":true"), "\(replayed.status) \(replayed.text)")
        var older = resend
        older.generation = 999
        older.changes = Array(older.changes.prefix(2))
        #expect(try post(try BatchSeal.seal(older, signer: orp.signing, recipientBoxKey: cms.box.publicKey)).status == 409)
        #expect(try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10)
        #expect(try federation.store("cms-vs").checkpoint(of: try NodeID("orp-vs")) == held)
        #expect(try federation.store("cms-vs").overlapEvents().count == alertsBefore)
    }

    @Test func digestsAndPullsAreComputedOncePerSequenceAndLimitedPerMember() throws {
        let federation = try FederationHarness(dispositifs: [.orp, .cms])
        try federation.startAll()
        try federation.importCSV("orp-vs", FederationHarness.csv(1...10))
        #expect(try federation.eventually { try federation.replicaCount(at: "cms-vs", from: "orp-vs") == 10 })
        func metric(_ kind: String, _ source: String) throws -> Int {
            let text = try Curl.perform(HTTPRequest(url: "\(try federation.url("orp-vs"))/metrics", caFile: try federation.caFile("orp-vs"))).text
            let line = text.split(separator: "\n").first {
                $0.hasPrefix("ciid_federation_answers_total") && $0.contains("kind=\"\(kind)\"") && $0.contains("source=\"\(source)\"")
            }
            return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        }
        let computed = try metric("digest", "computed")
        var answers: [Int] = []
        for _ in 0..<12 { answers.append(try federation.send("GET", "/federation/digest", to: "orp-vs", as: "cms-vs").status) }
        // The set did not change: one computation at most, the rest from the cache; past its burst, CMS waits.
        #expect(try metric("digest", "computed") <= computed + 1)
        #expect(try metric("digest", "cache") >= 8)
        #expect(answers.prefix(8).allSatisfy { $0 == 200 } && answers.contains(429), "\(answers)")
        let limited = try federation.send("GET", "/federation/digest", to: "orp-vs", as: "cms-vs")
        #expect(limited.status == 429 && limited.text.contains("retry in"))
        // Another member is not slowed down by CMS's loop.
        #expect(try federation.send("GET", "/federation/digest", to: "orp-vs", as: "cii-vs").status == 200)
        for _ in 0..<3 { #expect(try federation.send("GET", "/federation/changes?after=0", to: "orp-vs", as: "cms-vs").status == 200) }
        #expect(try metric("changes", "cache") >= 2)
        // The federation's metrics, recorded through swift-metrics, are promtool-clean too.
        let text = try Curl.perform(HTTPRequest(url: "\(try federation.url("orp-vs"))/metrics", caFile: try federation.caFile("orp-vs"))).text
        #expect(text.contains("# HELP ciid_federation_answers_total "))
        let checked = try Promtool.check(text)
        #expect(checked.status == 0, "promtool check metrics:\n\(checked.output)")
    }
}
