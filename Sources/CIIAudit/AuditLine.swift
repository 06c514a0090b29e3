/// One line of the audit log read on its own, for tools that check lines without the log's key
/// (the fuzz target `FuzzAudit`); the log itself reads lines the same way in `audit verify`,
/// `audit tail` and `audit export`.
public enum AuditLine {
    /// Reads one line (without its newline) the way the log reads it back, MAC not checked.
    /// - Returns: the entry's sequence number and kind.
    /// - Throws: ``AuditError`` `corrupt`, saying at which column the line departs from the format.
    public static func read(_ line: [UInt8]) throws(AuditError) -> (seq: Int64, kind: String) {
        do {
            let entry = try AuditEntry.parse(line[...]).entry
            return (entry.seq, entry.kind)
        } catch {
            throw AuditError(.corrupt, "the line cannot be read: \(error.reason)")
        }
    }
}
