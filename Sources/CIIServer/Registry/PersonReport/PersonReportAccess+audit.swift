public import CIIAudit
public import CIIRegistry

extension PersonReportAccess {
    /// The report's view of an audit entry.
    public init(_ entry: AuditPersonEntry) {
        self.init(
            seq: entry.seq,
            time: entry.time,
            kind: entry.kind,
            actor: entry.actor,
            subject: entry.subject,
            outcome: entry.outcome,
            details: entry.details.map { Detail(key: $0.key, value: $0.value) }
        )
    }

    /// The entries of `log` whose subject is one of `subjects`, as the report lists them.
    public static func entries(in log: any AuditSearching, subjects: Set<String>) throws -> [PersonReportAccess] {
        try log.entries(withSubjects: subjects).map(PersonReportAccess.init)
    }
}
