import Foundation

extension AuditLog {
    /// The entries about one person, in chain order: those where any value (subject, outcome,
    /// detail) holds one of `fingerprints` (64 lowercase hexadecimal digits each, one per epoch)
    /// as a whole token, the value split on every character that is not a hexadecimal digit.
    ///
    /// This matches whatever an entry calls its fields: `fingerprint` of a check, `alert:<id>` of
    /// a listing, comma-separated lists of the rows an import changed.
    /// - Throws: ``AuditError`` for a file or line that cannot be read.
    public func entries(about fingerprints: Set<String>) throws(AuditError) -> [AuditPersonEntry] {
        var found: [AuditPersonEntry] = []
        do {
            try forEachEntry { entry in
                if let match = Self.about(entry, fingerprints) { found.append(match) }
            }
        } catch let error as AuditError {
            throw error
        } catch {
            throw AuditError(.corrupt, "the audit log cannot be read: \(error)")
        }
        return found
    }

    /// `entry` as an ``AuditPersonEntry`` if it names one of `fingerprints`, else nil.
    static func about(_ entry: AuditEntry, _ fingerprints: Set<String>) -> AuditPersonEntry? {
        let values = [entry.outcome] + (entry.subject.map { [$0] } ?? []) + entry.details.map(\.value)
        guard values.contains(where: { names($0, fingerprints) == true }) else { return nil }
        let subject = entry.subject.map { shown($0, fingerprints) ?? "another person" }
        let outcome = shown(entry.outcome, fingerprints) ?? "another person"
        let details = entry.details.compactMap { detail in shown(detail.value, fingerprints).map { (key: detail.key, value: $0) } }
        return AuditPersonEntry(
            seq: entry.seq,
            time: AuditTime.date(entry.time),
            kind: entry.kind,
            actor: entry.actor,
            subject: subject,
            outcome: outcome,
            details: details
        )
    }

    /// The 64-digit hexadecimal tokens of `value`.
    static func tokens(_ value: String) -> [Substring] {
        value.split { !$0.isHexDigit }.filter { $0.utf8.count == 64 }
    }

    /// Whether `value` names one of `fingerprints` (true), only other people (false), or nobody (nil).
    static func names(_ value: String, _ fingerprints: Set<String>) -> Bool? {
        let found = tokens(value)
        guard !found.isEmpty else { return nil }
        return found.contains { fingerprints.contains($0.lowercased()) }
    }

    /// `value` as shown: as is when it names nobody, `this person` when it names them, nil when it names only others.
    static func shown(_ value: String, _ fingerprints: Set<String>) -> String? {
        switch names(value, fingerprints) {
        case nil: return value
        case false?: return nil
        case true?:
            let count = tokens(value).count
            return count == 1 ? "this person" : "this person (among \(count))"
        }
    }
}
