import Foundation
import Sodium
import Testing

@testable import CIIAudit

@Suite("AuditPerson")
struct AuditPersonTests {
    /// A person matches an entry when any value holds one of their fingerprints as a whole
    /// hexadecimal token, whatever the field is called; other people's fingerprints are left out.
    @Test func entriesMatchByFingerprintInAnyField() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "ciid-audit-person-" + UUID().uuidString, isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try AuditLog(directory: folder, key: SecretBytes.random(count: 32))
        let mine = String(repeating: "a1", count: 32)
        let older = String(repeating: "b2", count: 32)  // the same person under an older epoch
        let theirs = String(repeating: "c3", count: 32)
        try log.append([
            AuditEvent(kind: .check, actor: "account:1", details: ["fingerprint": mine, "matches": "1"]),
            AuditEvent(kind: .check, actor: "account:1", details: ["fingerprint": theirs, "matches": "0"]),
            AuditEvent(kind: .alertsListed, actor: "cli", details: ["count": "2", "alert:7": "\(theirs) osp-vs", "alert:9": "\(older) cms-vs"]),
            AuditEvent(kind: AuditKind(rawValue: "import"), actor: "cli", details: ["changed": "\(theirs),\(mine)", "rows": "2"]),
            AuditEvent(kind: .check, actor: "account:2", details: ["fingerprint": mine + "00"]),  // not a whole token
            AuditEvent(kind: .login, actor: "account:1"),
        ])
        let found = try log.entries(about: [mine, older])
        #expect(found.map(\.kind) == ["check", "alerts_listed", "import"])
        #expect(found[0].line.hasSuffix("  check  account:1  ok: fingerprint=this person, matches=1"), "\(found[0].line)")
        #expect(found[1].details.map(\.key) == ["count", "alert:9"])
        #expect(found[2].details.first { $0.key == "changed" }?.value == "this person (among 2)")
        #expect(!found.contains { $0.line.contains(theirs) || $0.csvRow.contains(theirs) || $0.line.contains(mine) })
    }

    /// The registry's right of access finds entries by subject (`case:12`, `person:3`), whole
    /// subjects only, in chain order; a detail naming someone by fingerprint is left out.
    @Test func entriesMatchBySubject() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "ciid-audit-subject-" + UUID().uuidString, isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try AuditLog(directory: folder, key: SecretBytes.random(count: 32))
        try log.append([
            AuditEvent(kind: .registryRead, actor: "account:1 (Alice)", subject: "case:12", detailList: [("what", "case")]),
            AuditEvent(kind: .registryRead, actor: "account:1 (Alice)", subject: "case:120", detailList: [("what", "case")]),
            AuditEvent(
                kind: .registryChange,
                actor: "cli",
                subject: "case:12",
                outcome: "requested",
                detailList: [("fingerprint", String(repeating: "c3", count: 32)), ("tab", "situation")]
            ),
            AuditEvent(kind: .registryRead, actor: "cli", subject: "person:3", detailList: [("what", "person-report")]),
            AuditEvent(kind: .registrySearch, actor: "cli", detailList: [("criteria", "case:12")]),
        ])
        let found = try log.entries(withSubjects: ["case:12", "person:3"])
        #expect(found.map(\.subject) == ["case:12", "case:12", "person:3"])
        #expect(found.map(\.kind) == ["registry_read", "registry_change", "registry_read"])
        #expect(found[1].outcome == "requested" && found[1].details.map(\.key) == ["tab"])
        #expect(found.map(\.seq) == found.map(\.seq).sorted())
    }
}
