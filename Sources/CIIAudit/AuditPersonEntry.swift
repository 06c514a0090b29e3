public import Foundation

/// An entry of the log about one person, as `ciid audit person` lists it for a right-of-access
/// answer (FADP art. 25): what was done, when, by whom. Fingerprints are not shown: a detail
/// that names this person's reads `this person`; one that names only other people is left out.
public struct AuditPersonEntry: Sendable {
    /// The entry's place in the chain.
    public var seq: Int64
    /// When it happened.
    public var time: Date
    /// What happened: `check`, `alerts_listed`, `import`…
    public var kind: String
    /// Who did it: `account:12`, `token:3`, `cli`.
    public var actor: String
    /// Whom or what it concerned, if anyone.
    public var subject: String?
    /// How it ended.
    public var outcome: String
    /// The details, with fingerprints replaced as above.
    public var details: [(key: String, value: String)]

    /// `2026-11-23T10:00:00.123Z  check  account:12  ok: fingerprint=this person, matches=2`.
    public var line: String {
        var what = outcome
        if let subject { what += " (\(subject))" }
        if !details.isEmpty { what += ": " + details.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") }
        return "\(AuditTime.string(AuditTime.milliseconds(time)))  \(kind)  \(actor)  \(what)"
    }

    /// The CSV line, in the columns of `ciid audit export` (``csvHeader``).
    public var csvRow: String {
        AuditCSV.row(
            AuditEntry(
                seq: seq,
                time: AuditTime.milliseconds(time),
                kind: kind,
                actor: actor,
                subject: subject,
                outcome: outcome,
                details: details,
                prev: [],
                mac: []
            )
        )
    }

    /// The CSV header: `seq;time;kind;actor;subject;outcome;details`.
    public static var csvHeader: String { AuditCSV.header }
}
