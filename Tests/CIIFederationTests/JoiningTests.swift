import CIICore
import CIIFederation
import CIIStore
import Foundation
import Sodium
import Testing

/// Joining rests on signatures, not only on the administrators' care: a join request proves the
/// keys it carries, the admission is signed by the coordinator, an existing member is replaced
/// only on purpose, and a member's certificate names its own hosts only.
@Suite struct JoiningTests {
    /// `json` with its top-level `field` set to `value`.
    func editing(_ json: [UInt8], _ field: String, _ value: String) throws -> [UInt8] {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        object[field] = value
        return [UInt8](try JSONSerialization.data(withJSONObject: object))
    }

    func refusal(_ body: () throws -> Void) -> FederationError? {
        do {
            try body()
            return nil
        } catch let error as FederationError {
            return error
        } catch {
            return FederationError(.malformed, "unexpected: \(error)")
        }
    }

    @Test func aJoinRequestWhoseKeysWereSwappedIsRefused() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (_, orp) = try fixture.joinRequest("orp-vs")
        let (_, cms) = try fixture.joinRequest("cms-vs")
        #expect(try JoinRequest(json: orp.json, source: "orp.json") == orp)
        for (field, value) in [
            ("signingKey", cms.signingKey), ("boxKey", cms.boxKey), ("tlsPublicKey", cms.tlsPublicKey), ("endpoint", cms.endpoint),
        ] {
            let swapped = try editing(orp.json, field, value)
            let error = refusal { _ = try JoinRequest(json: swapped, source: "orp.json") }
            #expect(error?.code == .badSignature, "a swapped \(field) was not refused")
            #expect(error?.reason.contains("orp.json is not signed by the signing key it carries") == true)
        }
        // Both keys swapped, signature kept: still refused.
        let both = try editing(try editing(orp.json, "signingKey", cms.signingKey), "signature", cms.signature)
        #expect(refusal { _ = try JoinRequest(json: both, source: "orp.json") }?.code == .badSignature)
        // A request of the older format is refused, saying what to do.
        let v1 = try editing(orp.json, "format", "ciid-join-request-v1")
        let old = refusal { _ = try JoinRequest(json: v1, source: "orp.json") }
        #expect(old?.reason.contains("older ciid (ciid-join-request-v1)") == true && old?.reason.contains("`ciid join-request` there again") == true)
    }

    @Test func fingerprintsAreBlake2b128InGroupsOfFour() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (_, request) = try fixture.joinRequest("orp-vs")
        let groups = request.signingKeyFingerprint.split(separator: " ")
        #expect(groups.count == 8 && groups.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isHexDigit) })
        #expect(request.signingKeyFingerprint != request.boxKeyFingerprint)
        #expect(KeyFingerprint.of([UInt8](repeating: 0, count: 32)) == KeyFingerprint.of(base64: Data(count: 32).base64EncodedString()))
    }

    @Test func admittingAnExistingMemberNeedsReplace() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (_, first) = try fixture.joinRequest("orp-vs")
        _ = try fixture.coordinator.admit(first)
        // The same node after it made new keys (a folder of its own here): its request names it again.
        _ = try fixture.joinRequest("orp-vs-again")
        let resigned = try JoinRequest.make(
            directory: NodeDirectory(root: fixture.folder + "/orp-vs-again"),
            configuration: try fixture.configuration("orp-vs"),
            endpoint: first.endpoint,
            federationEndpoint: first.federationEndpoint
        )
        #expect {
            _ = try fixture.coordinator.admit(resigned)
        } throws: { error in
            let reason = (error as? MembershipError)?.reason ?? ""
            return reason.contains("orp-vs is already a member") && reason.contains("--replace") && reason.contains("nothing was changed")
        }
        #expect(try fixture.coordinator.members().first { $0.id == first.id }?.signingKey == first.signingKey)
        _ = try fixture.coordinator.admit(resigned, replace: true)
        #expect(try fixture.coordinator.members().first { $0.id == first.id }?.signingKey == resigned.signingKey)
        // Another node with a member's keys (a copied data folder) is refused.
        let copied = try JoinRequest.make(
            directory: NodeDirectory(root: fixture.folder + "/orp-vs-again"),
            configuration: try fixture.configuration("cms-vs", .cms),
            endpoint: "https://cms-vs.localhost:9443",
            federationEndpoint: "https://cms-vs.localhost:9444"
        )
        #expect {
            _ = try fixture.coordinator.admit(copied)
        } throws: { error in
            (error as? MembershipError)?.reason.contains("carries the keys of another member, orp-vs") == true
        }
        // A request changed after it was signed is refused by admit too, not only when read from a file.
        var unsigned = copied
        unsigned.id = try NodeID("osp-vs")
        #expect(throws: FederationError.self) { _ = try fixture.coordinator.admit(unsigned) }
    }

    @Test func aTamperedAdmissionIsRefusedByJoin() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (directory, request) = try fixture.joinRequest("orp-vs")
        let admission = try fixture.coordinator.admit(request)
        #expect(try Admission(json: admission.json, source: "adm.json") == admission)
        let coordinatorKey = try NodeIdentity.load(from: fixture.coordinator.directory).signing.publicKey
        #expect(admission.coordinator.signingKeyFingerprint == KeyFingerprint.of(coordinatorKey))
        let other = try CertificateAuthority.make(name: "someone else's CA").caCertificatePEM
        for (field, value) in [("caCertificate", other), ("certificate", other), ("node", "cms-vs")] {
            let tampered = try editing(admission.json, field, value)
            let error = refusal { _ = try Admission(json: tampered, source: "adm.json") }
            #expect(error?.code == .badSignature, "a changed \(field) was not refused")
            #expect(error?.reason.contains("not signed by the coordinator key it names") == true)
        }
        // The anchor changed (another endpoint): refused too.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(admission.json)) as? [String: Any])
        var anchor = try #require(object["coordinator"] as? [String: Any])
        anchor["endpoint"] = "https://evil.example:8443"
        object["coordinator"] = anchor
        let moved = [UInt8](try JSONSerialization.data(withJSONObject: object))
        #expect(refusal { _ = try Admission(json: moved, source: "adm.json") }?.code == .badSignature)
        #expect(!FileManager.default.fileExists(atPath: directory.federation + "/anchor.json"))
        let v1 = try editing(admission.json, "format", "ciid-admission-v1")
        #expect(refusal { _ = try Admission(json: v1, source: "adm.json") }?.reason.contains("--replace") == true)
    }

    @Test func joinRefusesAnAdmissionForAnotherTLSKey() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (directory, request) = try fixture.joinRequest("orp-vs")
        let admission = try fixture.coordinator.admit(request)
        // The node made a new TLS key since its request: the certificate would not match it.
        let elsewhere = try MembershipFixture.node(fixture.folder + "/orp-vs-new")
        #expect {
            try FederationState.install(admission, directory: elsewhere, configuration: try fixture.configuration("orp-vs"))
        } throws: { error in
            "\(error)".contains("certifies another TLS key than this node's")
        }
        #expect(!FileManager.default.fileExists(atPath: elsewhere.federation + "/anchor.json"))
        try FederationState.install(admission, directory: directory, configuration: try fixture.configuration("orp-vs"))
        #expect(FileManager.default.fileExists(atPath: directory.federation + "/anchor.json"))
    }

    @Test func anIssuedCertificateNamesExactlyTheEndpointHosts() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        func names(_ pem: String) throws -> [String] { try CertificateAuthority.hosts(inCertificatePEM: pem) }
        let (_, orp) = try fixture.joinRequest("orp-vs")
        #expect(try names(try fixture.coordinator.admit(orp).certificate) == ["orp-vs.localhost"])
        var split = try fixture.joinRequest("cms-vs").1
        split.federationEndpoint = "https://federation.cms.example:9444"
        #expect(
            try names(try fixture.coordinator.admit(try resign(split, fixture: fixture)).certificate) == [
                "cms-vs.localhost", "federation.cms.example",
            ]
        )
        let (_, oai) = try fixture.joinRequest("oai-vs", host: "10.1.2.3")
        #expect(try names(try fixture.coordinator.admit(oai).certificate) == ["10.1.2.3"])
        // The coordinator's own certificate likewise.
        let own = String(decoding: try SecureFile.read(fixture.coordinator.directory.resolve("tls/node.crt")), as: UTF8.self)
        #expect(try names(own) == ["cii-vs.localhost"])
    }

    @Test func theManifestCarriesEachMembersFederationEndpointAndTLSKey() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (_, orp) = try fixture.joinRequest("orp-vs")
        _ = try fixture.coordinator.admit(orp)
        let manifest = try fixture.open(try fixture.coordinator.publish())
        #expect(manifest.member(orp.id)?.federationEndpoint == "https://orp-vs.localhost:9444")
        #expect(manifest.member(orp.id)?.tlsPublicKey == orp.tlsPublicKey)
        let coordinator = try #require(manifest.member(try NodeID("cii-vs")))
        #expect(coordinator.federationEndpoint == "https://cii-vs.localhost:8444" && coordinator.tlsPublicKey != nil)
    }

    @Test func aCoordinatorOfAnOlderReleaseCompletesItsOwnEntryAtItsNextPublication() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        // members.json as an older release wrote it: no federation endpoint, no TLS key.
        let path = fixture.coordinator.directory.federation + "/members.json"
        var members = try #require(try JSONSerialization.jsonObject(with: Data(try SecureFile.read(path))) as? [[String: Any]])
        members[0]["federationEndpoint"] = nil
        members[0]["tlsPublicKey"] = nil
        try SecureFile.write([UInt8](try JSONSerialization.data(withJSONObject: members)), to: path)
        #expect(try fixture.coordinator.members()[0].federationEndpoint == nil)
        let own = try #require(try fixture.open(try fixture.coordinator.publish()).member(try NodeID("cii-vs")))
        #expect(own.federationEndpoint == "https://cii-vs.localhost:8444" && own.tlsPublicKey != nil)
        #expect(try fixture.coordinator.members()[0].federationEndpoint == "https://cii-vs.localhost:8444")
    }

    /// `request` signed again by its node, after a field was changed.
    func resign(_ request: JoinRequest, fixture: MembershipFixture) throws -> JoinRequest {
        try JoinRequest.make(
            directory: NodeDirectory(root: "\(fixture.folder)/\(request.id)"),
            configuration: try fixture.configuration(request.id.rawValue),
            endpoint: request.endpoint,
            federationEndpoint: request.federationEndpoint
        )
    }
}
