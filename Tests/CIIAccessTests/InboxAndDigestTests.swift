import CIIAudit
import CIICore
import CIIStore
import Curl
import Foundation
import GRDB
import Testing

@testable import CIIAccess

@Suite("Overlap inbox and daily digest")
struct InboxAndDigestTests {
    /// Records an overlap event as the batch receiver would, for the caseworker `caseworker`.
    /// `existing`: found at the first sync with CMS (listed apart, never an alert).
    func overlap(_ store: NodeStore, caseworker: String?, reference: String? = nil, existing: Bool = false) throws {
        try store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO overlap_event (origin, dispositif, epoch, fingerprint, their_last_on, caseworker, recorded_at, reference, existing)
                    VALUES ('cms-vs', 'CMS', 1, randomblob(32), 20400, ?, 1795000000, ?, ?)
                    """,
                arguments: [caseworker, reference, existing]
            )
        }
    }

    @Test("alerts reach the named caseworker, unnamed ones the admins; the digest counts them without naming anyone")
    func inboxAndDigest() async throws {
        var settings = AccessSettings()
        settings.digestHour = 7
        settings.publicURL = "https://orp.test:8443"
        let fixture = try AccessFixture(settings: settings)
        let node = try NodeStore(path: fixture.folder.appendingPathComponent("node.sqlite").path)
        let inbox = AlertInbox(node: node, access: fixture.access)
        let anne = try fixture.access.createAccount(
            email: "anne@orp.test",
            name: "Anne Muster",
            language: .fr,
            role: .caseworker,
            caseworker: "C-17",
            by: "cli"
        ).account
        let beat = try fixture.access.createAccount(
            email: "beat@orp.test",
            name: "Beat Imboden",
            language: .de,
            role: .caseworker,
            caseworker: nil,
            by: "cli"
        ).account
        let admin = try fixture.access.createAccount(email: "chef@orp.test", name: "Chef", language: .fr, role: .admin, caseworker: "chef", by: "cli")
            .account
        try overlap(node, caseworker: "c-17", reference: "D-1")
        try overlap(node, caseworker: "c-17", reference: "D-2")
        try overlap(node, caseworker: "beat@orp.test")
        try overlap(node, caseworker: nil)
        try overlap(node, caseworker: "left-the-office")
        // Overlaps already there at the first sync are listed apart and never counted or mailed as alerts.
        try overlap(node, caseworker: "c-17", reference: "D-0", existing: true)
        try overlap(node, caseworker: nil, existing: true)
        #expect(try inbox.existingOverlaps(for: anne).map(\.reference) == ["D-0"])
        #expect(try inbox.existingOverlaps(for: admin).count == 1)
        #expect(try inbox.markRead(try #require(inbox.existingOverlaps(for: anne).first).id, by: anne) == false)

        #expect(try inbox.alerts(for: anne).map(\.reference) == ["D-2", "D-1"])
        #expect(try inbox.unreadCount(for: beat) == 1)
        #expect(try inbox.unreadCount(for: admin) == 2)
        // Nobody reads another's alert.
        let annes = try inbox.alerts(for: anne)
        #expect(try inbox.markRead(annes[0].id, by: beat) == false)
        #expect(try inbox.markRead(annes[0].id, by: anne))
        #expect(try inbox.unreadCount(for: anne) == 1)
        #expect(fixture.audit.all.filter { $0.kind == .alertRead }.count == 1)

        // The digest goes out once a day, after 07:00 Swiss time (the test clock starts at 2026-11-18 12:06 in Zurich).
        let maintenance = AccessMaintenance(access: fixture.access, inbox: inbox)
        fixture.mailer.removeAll()
        #expect(try await maintenance.sendDigests() == 3)
        #expect(try await maintenance.sendDigests() == 0)
        let mail = try #require(fixture.mailer.last(to: "anne@orp.test"))
        #expect(mail.subject.contains("1 nouvelle"))
        #expect(mail.textBody.contains("https://orp.test:8443/alerts"))
        #expect(!mail.textBody.contains("D-2") && !mail.textBody.contains("c-17"))
        #expect(try #require(fixture.mailer.last(to: "beat@orp.test")).subject.contains("1 neue"))
        // Opting out stops it.
        try fixture.access.setDigest(try fixture.access.account(anne.id), wanted: false)
        fixture.clock.advance(86_400)
        fixture.mailer.removeAll()
        #expect(try await maintenance.sendDigests() == 2)
        #expect(fixture.mailer.last(to: "anne@orp.test") == nil)
    }
}
