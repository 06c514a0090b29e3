import CIICore
import CIIFederation
import CIIStore
import Foundation
import Logging
import Testing

/// Manifest versions never go back (a lost or restored `manifest.json` included); a node refuses
/// an older manifest and says why; manifests expire, the coordinator signs them again in time, and
/// a node holding an expired one says so.
@Suite struct ManifestVersionTests {
    @Test func versionsStayAboveEveryEarlierOneAfterTheManifestIsLostOrRestored() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (state, store) = try fixture.joinedNode("orp-vs")
        let backup = try SecureFile.read(fixture.coordinator.manifestPath)
        var published: [Int64] = []
        for _ in 0..<3 { published.append(try fixture.open(try fixture.coordinator.publish()).version) }
        #expect(published == published.sorted() && Set(published).count == 3)
        #expect(try state.accept(try fixture.coordinator.publish(), store: store, logger: Logger(label: "test")))
        let held = try #require(state.manifest?.version)

        // The coordinator loses manifest.json: the next version is still above all of them, and the node takes it.
        try FileManager.default.removeItem(atPath: fixture.coordinator.manifestPath)
        let afterLoss = try fixture.coordinator.publish()
        #expect(try fixture.open(afterLoss).version > held)
        #expect(try state.accept(afterLoss, store: store, logger: Logger(label: "test")))

        // Restored from an old backup: the same.
        try SecureFile.write(backup, to: fixture.coordinator.manifestPath, mode: 0o644)
        let afterRestore = try fixture.coordinator.publish()
        #expect(try fixture.open(afterRestore).version > fixture.open(afterLoss).version)
        #expect(try state.accept(afterRestore, store: store, logger: Logger(label: "test")))
        #expect(state.lastRefusal == nil)
    }

    @Test func versionsAreTheTimeInMillisecondsAndStillIncreaseWithinOne() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000.5)
        let fixture = try MembershipFixture(now: now)
        defer { fixture.remove() }
        let first = try fixture.open(try fixture.coordinator.publish(now: now)).version
        let second = try fixture.open(try fixture.coordinator.publish(now: now)).version
        #expect(first >= 1_800_000_000_500 && second == first + 1)
        #expect(try fixture.open(try fixture.coordinator.publish(now: now.addingTimeInterval(-3600))).version == second + 1)
    }

    @Test func anOlderOrConflictingManifestIsRefusedAndTheReasonRecorded() throws {
        let fixture = try MembershipFixture()
        defer { fixture.remove() }
        let (state, store) = try fixture.joinedNode("orp-vs")
        let log = CapturedLog()
        let old = try fixture.coordinator.publish()
        let current = try fixture.coordinator.publish()
        #expect(try state.accept(current, store: store, logger: log.logger))
        // Fetching the manifest it holds again is no refusal.
        #expect(try !state.accept(current, store: store, logger: log.logger))
        #expect(state.lastRefusal == nil && log.at(.warning).isEmpty)

        #expect(try !state.accept(old, store: store, logger: log.logger))
        let refusal = try #require(state.lastRefusal)
        #expect(refusal.reason == .older)
        let (oldVersion, currentVersion) = (try fixture.open(old).version, try fixture.open(current).version)
        #expect(refusal.version == oldVersion && refusal.heldVersion == currentVersion)
        #expect(abs(refusal.at - Int64(Date().timeIntervalSince1970)) < 60)
        #expect(log.at(.warning).contains { $0.contains("refused a manifest (version \(refusal.version ?? 0))") && $0.contains("older") })
        #expect(state.manifest?.version == currentVersion)
        // A `ciid status` beside the server reads the same record.
        let reader = try #require(try FederationState.load(directory: state.directory, node: state.node))
        #expect(reader.lastRefusal == refusal)

        // A manifest signed by another key is refused as such; a newer one clears the record.
        let stranger = try MembershipFixture()
        defer { stranger.remove() }
        #expect(try !state.accept(try stranger.coordinator.publish(), store: store, logger: log.logger))
        #expect(state.lastRefusal?.reason == .badSignature)
        #expect(try !state.accept(json: Array("not json".utf8), store: store, logger: log.logger))
        #expect(state.lastRefusal?.reason == .malformed)
        #expect(try state.accept(try fixture.coordinator.publish(), store: store, logger: log.logger))
        #expect(state.lastRefusal == nil)
    }

    @Test func anExpiredManifestIsAcceptedButReportedAndRenewedInTime() throws {
        let signedAt = Date().addingTimeInterval(-31 * 86_400)
        let fixture = try MembershipFixture(now: signedAt)
        defer { fixture.remove() }
        let (state, store) = try fixture.joinedNode("orp-vs")
        let log = CapturedLog()
        let stale = try fixture.coordinator.publish(now: signedAt)
        #expect(try fixture.open(stale).expiresAt == Int64(signedAt.timeIntervalSince1970) + 30 * 86_400)
        #expect(try state.accept(stale, store: store, logger: log.logger))
        #expect(state.manifest?.isExpired() == true)
        state.warnIfExpired(logger: log.logger)
        #expect(log.at(.error).contains { $0.contains("expired") && $0.contains("version \(state.manifest?.version ?? 0)") })

        // The renewer signs again once less than a third of the validity is left, not before.
        let renewer = ManifestRenewer(coordinator: fixture.coordinator, logger: log.logger)
        #expect(renewer.renewIfDue(now: signedAt.addingTimeInterval(19 * 86_400)) == nil)
        let renewed = try #require(renewer.renewIfDue())
        #expect(try state.accept(renewed, store: store, logger: log.logger))
        #expect(state.manifest?.isExpired() == false)
        #expect(renewer.renewIfDue() == nil)
        let before = log.at(.error).count
        state.warnIfExpired(logger: log.logger)
        #expect(log.at(.error).count == before)
    }
}
