import CIIAudit
import CIICore
import Foundation
import Testing

@testable import CIIAccess

/// The admin's SwissID links on the coordinator: a link made by mistake is removed, and whoever
/// logged in to the account is out at once.
struct SwissIDLinkTests {
    @Test func unlinkingEndsTheAccountsSessionsAndIsAuditedWithoutTheSubject() async throws {
        let fixture = try AccessFixture(nodeRole: .coordinator)
        defer { try? FileManager.default.removeItem(at: fixture.folder) }
        let email = "coord.externe@cii.test"
        let created = try fixture.access.createAccount(
            email: email,
            name: "Coordination externe",
            language: .fr,
            role: .bureau,
            caseworker: nil,
            by: "cli"
        )
        guard case .pending(let pending) = try await fixture.access.beginLogin(email: email, password: created.oneTimePassword, client: "127.0.0.1"),
            case .session(let opened) = try await fixture.access.completeLogin(
                pending: pending.token,
                code: fixture.lastCode(to: email) ?? "",
                client: "127.0.0.1"
            )
        else {
            Issue.record("the account could not log in")
            return
        }
        let subject = "swissid-subject-to-remove"
        _ = try fixture.access.linkSwissID(email: email, subject: subject, by: "cli")
        #expect(try fixture.access.swissIDSubject(of: created.account.id) == subject)
        #expect(try fixture.access.session(token: opened.token) != nil, "the session is open before the link is removed")

        let unlinked = try fixture.access.unlinkSwissID(email: email, by: "cli")
        #expect(unlinked.id == created.account.id)
        #expect(try fixture.access.swissIDSubject(of: created.account.id) == nil)
        #expect(try fixture.access.session(token: opened.token) == nil, "removing the link ends the account's sessions")
        let event = try #require(fixture.audit.all.last)
        #expect(event.kind == .accountChanged && event.details.contains { $0.key == "swissid" && $0.value == "unlinked" })
        #expect(!event.details.contains { $0.value.contains(subject) }, "the audit log names the SwissID by a hash only")

        // Nothing left to remove, and an unknown account: each says what is wrong.
        #expect(throws: AccessError.self) { try fixture.access.unlinkSwissID(email: email, by: "cli") }
        #expect(throws: AccessError.self) { try fixture.access.unlinkSwissID(email: "nobody@cii.test", by: "cli") }
    }
}
