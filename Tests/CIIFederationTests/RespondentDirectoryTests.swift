import CIICore
import CIIFederation
import CIIStore
import Foundation
import Sodium
import Testing

/// The coordinator signs the bureau's respondents; a member keeps only a directory its
/// coordinator signed, newer than the one it holds.
@Suite struct RespondentDirectoryTests {
    static let entries = [
        RespondentEntry(name: "Anne Rey", dispositif: .cms, region: "Sion", phone: "+41 27 555 01 01", email: "anne.rey@cms.example"),
        RespondentEntry(
            name: "Beat Imboden",
            dispositif: .orp,
            region: "Haut-Valais/Oberwallis",
            phone: "027 555 02 02",
            email: "b.imboden@rav.example"
        ),
    ]

    func write(_ entries: [RespondentEntry], to path: String) throws {
        try JSONEncoder().encode(entries).write(to: URL(fileURLWithPath: path))
    }

    @Test func theCoordinatorSignsOnceUntilTheBureauChangesTheFile() async throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let source = RespondentFile(path: RespondentFile.path(of: fixture.coordinator.directory))
        #expect(try await fixture.coordinator.signedRespondents(from: source) == nil)
        try write(Self.entries, to: source.path)
        let first = try #require(try await fixture.coordinator.signedRespondents(from: source))
        #expect(try await fixture.coordinator.signedRespondents(from: source) == first)
        try write(Array(Self.entries.prefix(1)), to: source.path)
        let second = try #require(try await fixture.coordinator.signedRespondents(from: source))
        let key = try NodeIdentity.load(from: fixture.coordinator.directory).signing.publicKey
        #expect(try second.verified(coordinatorKey: key).version > first.verified(coordinatorKey: key).version)
        #expect(try second.verified(coordinatorKey: key).entries == Array(Self.entries.prefix(1)))
    }

    @Test func aBadFileIsRefusedNamingTheEntry() throws {
        let path = NSTemporaryDirectory() + "respondents-\(UUID()).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bad = Self.entries
        bad[1].email = "pas une adresse"
        try write(bad, to: path)
        #expect(throws: FederationError(.malformed, "")) { try RespondentFile(path: path).respondents() }
        do {
            _ = try RespondentFile(path: path).respondents()
        } catch {
            #expect(error.reason.contains("entry 2: email"))
        }
        try Data(#"[{"name":"X","dispositif":"NOPE","region":"Sion","phone":"1","email":"a@b.ch"}]"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: FederationError(.malformed, "")) { try RespondentFile(path: path).respondents() }
    }

    @Test func aMemberKeepsOnlyItsCoordinatorsNewerDirectory() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (state, _) = try fixture.joinedNode("orp-vs")
        let book = try #require(RespondentBook.load(directory: state.directory))
        #expect(book.directory == nil)
        let coordinatorKey = try NodeIdentity.load(from: fixture.coordinator.directory).signing
        func signed(_ version: Int64, _ entries: [RespondentEntry], key: SigningKeyPair) throws -> [UInt8] {
            let directory = RespondentDirectory(version: version, issuedAt: 1, coordinator: try NodeID("cii-vs"), entries: entries)
            return try SignedRespondentDirectory.sign(directory, with: key).json
        }
        #expect(try book.accept(json: try signed(5, Self.entries, key: coordinatorKey)))
        #expect(book.directory?.contacts(at: .cms).map(\.name) == ["Anne Rey"])
        #expect(try !book.accept(json: try signed(4, [], key: coordinatorKey)), "an older directory replaced a newer one")
        // A forged one (another key), or one altered after signing, is refused and changes nothing.
        #expect(throws: FederationError(.badSignature, "")) { try book.accept(json: try signed(9, [], key: .generate())) }
        var altered = try SignedRespondentDirectory(json: try signed(9, Self.entries, key: coordinatorKey))
        var bytes = [UInt8](Data(base64Encoded: altered.directory)!)
        bytes[bytes.count / 2] ^= 0x01
        altered.directory = Data(bytes).base64EncodedString()
        #expect(throws: FederationError.self) { try book.accept(json: altered.json) }
        // The coordinator's manifest signature does not pass for a directory's.
        let manifest = try fixture.coordinator.publish()
        let posing = SignedRespondentDirectory(directory: manifest.manifest, signature: manifest.signature)
        #expect(throws: FederationError(.badSignature, "")) { try book.accept(json: posing.json) }
        #expect(book.directory?.version == 5)
        // What it kept is read back after a restart.
        #expect(RespondentBook.load(directory: state.directory)?.directory?.version == 5)
    }
}
