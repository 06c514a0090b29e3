import CIICore
import Testing

@testable import CIIFederation

/// One libcurl session per peer, kept while the manifest vouches for the peer unchanged.
@Suite struct PeerSessionsTests {
    func member(_ id: String, endpoint: String) throws -> Manifest.Member {
        Manifest.Member(id: try NodeID(id), role: .dispositif, dispositif: .orp, endpoint: endpoint, signingKey: "s", boxKey: "b")
    }

    @Test func aPeerKeepsItsSessionUntilItLeavesOrChanges() throws {
        let orp = try member("orp-vs", endpoint: "https://orp:8443")
        let cms = try member("cms-vs", endpoint: "https://cms:8443")
        let sessions = PeerSessions()
        let first = Manifest(version: 1, coordinator: try NodeID("cii-vs"), members: [orp, cms], epochs: [])
        let orpSession = sessions.session(for: orp.id, in: first)
        let cmsSession = sessions.session(for: cms.id, in: first)
        #expect(sessions.session(for: orp.id, in: first) === orpSession)
        #expect(orpSession !== cmsSession)

        // A newer manifest: CMS moved to another endpoint, ORP is unchanged.
        var moved = cms
        moved.endpoint = "https://cms-new:8443"
        let second = Manifest(version: 2, coordinator: try NodeID("cii-vs"), members: [orp, moved], epochs: [])
        #expect(sessions.session(for: orp.id, in: second) === orpSession)
        #expect(sessions.session(for: cms.id, in: second) !== cmsSession)

        // ORP leaves: its session is dropped, a later one is new.
        let third = Manifest(version: 3, coordinator: try NodeID("cii-vs"), members: [moved], epochs: [])
        _ = sessions.session(for: cms.id, in: third)
        #expect(sessions.session(for: orp.id, in: third) !== orpSession)
    }
}
