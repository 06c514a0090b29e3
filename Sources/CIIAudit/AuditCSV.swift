import Foundation

/// The CSV form of the log for the data protection officer: UTF-8, `;`-separated, one header
/// line, `\n` line ends (like the project's other CSV files), RFC 4180 quoting (a field holding
/// `;`, `"`, a line break, or leading or trailing spaces is quoted, with `"` doubled).
///
/// A field that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) gets a leading `'`: the log itself keeps the text as it was.
enum AuditCSV {
    /// `seq;time;kind;actor;subject;outcome;details`.
    static let header = "seq;time;kind;actor;subject;outcome;details\n"

    /// One row: the time in UTC (`2026-11-23T10:00:00.123Z`), an empty subject when there is none,
    /// the details as `key=value` joined with `, `.
    static func row(_ entry: AuditEntry) -> String {
        let details = entry.details.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        let fields = [entry.kind, entry.actor, entry.subject ?? "", entry.outcome, details].map(field)
        return "\(entry.seq);\(AuditTime.string(entry.time));\(fields.joined(separator: ";"))\n"
    }

    /// `text` as one CSV field.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let needsQuotes =
            text.utf8.contains { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
