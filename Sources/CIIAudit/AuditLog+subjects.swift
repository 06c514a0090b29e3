import Foundation

extension AuditLog: AuditSearching {
    /// The entries whose subject is one of `subjects`, in chain order; a detail naming someone by
    /// fingerprint is left out.
    /// - Throws: ``AuditError`` for a file or line that cannot be read.
    public func entries(withSubjects subjects: Set<String>) throws(AuditError) -> [AuditPersonEntry] {
        var found: [AuditPersonEntry] = []
        do {
            try forEachEntry { entry in
                guard let subject = entry.subject, subjects.contains(subject) else { return }
                found.append(
                    AuditPersonEntry(
                        seq: entry.seq,
                        time: AuditTime.date(entry.time),
                        kind: entry.kind,
                        actor: entry.actor,
                        subject: subject,
                        outcome: Self.shown(entry.outcome, []) ?? "another person",
                        details: entry.details.filter { Self.names($0.value, []) == nil }
                    )
                )
            }
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.corrupt, "the audit log cannot be read: \(error)")
        }
        return found
    }
}
