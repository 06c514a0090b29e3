extension ImportReport {
    /// A few lines for the administrator who ran the import.
    public var summaryText: String {
        let delimiterName = delimiter == "\t" ? "tab" : "'\(delimiter)'"
        var lines = [
            "Read \(rowsRead) row\(rowsRead == 1 ? "" : "s") (\(encoding), delimiter \(delimiterName)): \(accepted) "
                + "\(accepted == 1 ? "person" : "people") imported, \(rejected) rejected, \(outsideWindow) outside the retention window.",
            "Published: \(upserted) upsert\(upserted == 1 ? "" : "s"), \(retracted) retraction\(retracted == 1 ? "" : "s"), \(unchanged) unchanged.",
        ]
        if duplicatesMerged > 0 || clampedToToday > 0 {
            lines.append(
                "\(duplicatesMerged) duplicate row\(duplicatesMerged == 1 ? "" : "s") merged; \(clampedToToday) last follow-up\(clampedToToday == 1 ? "" : "s") after today set to today."
            )
        }
        if let rejectsFile {
            lines.append("Rejected rows are listed in \(rejectsFile).")
        }
        return lines.joined(separator: "\n")
    }
}
