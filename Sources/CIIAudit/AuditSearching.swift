/// An audit log that can be searched by subject: what the registry's right-of-access report
/// reads ("who read or changed this person's cases"). ``AuditLog`` searches its files;
/// ``AuditWriter`` searches the log it writes to.
public protocol AuditSearching: Sendable {
    /// The entries whose subject is one of `subjects` (`case:12`, `person:3`), in chain order.
    /// Values that hold fingerprints of people are shown as ``AuditLog/entries(about:)`` shows
    /// another person's: never the fingerprint.
    /// - Throws: ``AuditError`` for a file or line that cannot be read.
    func entries(withSubjects subjects: Set<String>) throws(AuditError) -> [AuditPersonEntry]
}
