public import Foundation

/// One thing to write to the audit log: who did what, to whom, when, and how it ended.
///
/// Never put a plain AVS number, a password, a key, a token or a login code in an event: name the
/// fingerprint, the account, the token id. The log also removes, as a second line of defence,
/// anything shaped like an AVS number and the values of details named like secrets
/// (see ``AuditRedaction``).
///
/// ```swift
/// AuditEvent(kind: .check, actor: "account:12", details: ["fingerprint": hex, "matches": "2"])
/// ```
public struct AuditEvent: Sendable, Equatable {
    /// When it happened.
    public var time: Date
    /// What happened.
    public var kind: AuditKind
    /// Who did it: `account:12`, `token:3`, `cli`, `system`.
    public var actor: String
    /// Whom or what it concerned, if anyone: `account:15`, `alert:7`.
    public var subject: String?
    /// How it ended: `ok`, `refused`, `locked`…
    public var outcome: String
    /// Further facts, in order: `fingerprint`, `matches`, `reason`, `ip`…
    public var details: [(key: String, value: String)]

    /// Creates an event.
    public init(
        time: Date = Date(),
        kind: AuditKind,
        actor: String,
        subject: String? = nil,
        outcome: String = "ok",
        details: KeyValuePairs<String, String> = [:]
    ) {
        self.init(time: time, kind: kind, actor: actor, subject: subject, outcome: outcome, detailList: details.map { ($0.key, $0.value) })
    }

    /// Creates an event whose details are built at run time.
    public init(time: Date = Date(), kind: AuditKind, actor: String, subject: String? = nil, outcome: String = "ok", detailList: [(String, String)]) {
        self.time = time
        self.kind = kind
        self.actor = actor
        self.subject = subject
        self.outcome = outcome
        self.details = detailList.map { (key: $0.0, value: $0.1) }
    }

    /// The value of the first detail named `key`.
    public func detail(_ key: String) -> String? { details.first { $0.key == key }?.value }

    /// Equal when every field and every detail (in order) is.
    public static func == (lhs: AuditEvent, rhs: AuditEvent) -> Bool {
        lhs.time == rhs.time && lhs.kind == rhs.kind && lhs.actor == rhs.actor && lhs.subject == rhs.subject && lhs.outcome == rhs.outcome
            && lhs.details.elementsEqual(rhs.details) { $0.key == $1.key && $0.value == $1.value }
    }
}
