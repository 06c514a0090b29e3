public import CIIImport

/// What `ciid registry import` read and did.
public struct RegistryImportReport: Sendable, Hashable {
    /// Data rows read.
    public var rowsRead: Int
    /// Case periods created (or that a dry run would create).
    public var imported: Int
    /// Of them, those whose person was not in the registry before.
    public var newPeople: Int
    /// Rows refused for a problem (listed in the rejects).
    public var rejected: Int
    /// Rows skipped: the case period is already in the registry.
    public var alreadyInRegistry: Int
    /// Rows skipped: the same case period as an earlier row of the file.
    public var duplicatesInFile: Int
    /// Rows skipped: cancelled case periods.
    public var cancelled: Int
    /// The first and last case numbers created (one transaction: the ones between are the import's).
    public var caseIDs: ClosedRange<Int64>?
    /// The rejects: refused and skipped rows, in file order.
    public var rejects: [RowReject]
    /// Where the rejects were written, if they were.
    public var rejectsFile: String?
    /// The file's encoding.
    public var encoding: String
    /// The file's delimiter.
    public var delimiter: String
    /// Whether nothing was written.
    public var dryRun: Bool

    /// The counts for the audit log (`operation=import`); never a name or an AVS number.
    public var auditDetails: [(String, String)] {
        var details = [
            ("rows", rowsRead), ("imported", imported), ("new_people", newPeople), ("rejected", rejected),
            ("already_in_registry", alreadyInRegistry), ("duplicates_in_file", duplicatesInFile), ("cancelled", cancelled),
        ].map { ($0.0, String($0.1)) }
        if let caseIDs { details.append(("cases", "\(caseIDs.lowerBound)-\(caseIDs.upperBound)")) }
        return details
    }

    /// A few lines for the bureau who ran the import.
    public var summaryText: String {
        let delimiterName = delimiter == "\t" ? "tab" : "'\(delimiter)'"
        let verb = dryRun ? "would be imported" : "imported"
        var lines = [
            "Read \(rowsRead) row\(rowsRead == 1 ? "" : "s") (\(encoding), delimiter \(delimiterName)): \(imported) case period\(imported == 1 ? "" : "s") \(verb) "
                + "(\(newPeople) new \(newPeople == 1 ? "person" : "people"), \(imported - newPeople) for people already known), \(rejected) rejected.",
            "Skipped: \(alreadyInRegistry) already in the registry, \(duplicatesInFile) repeated in the file, \(cancelled) cancelled.",
        ]
        if let caseIDs { lines.append("Cases \(caseIDs.lowerBound) to \(caseIDs.upperBound) were created.") }
        if dryRun { lines.append("Dry run: nothing was written to the registry.") }
        if let rejectsFile { lines.append("Rejected and skipped rows are listed in \(rejectsFile).") }
        return lines.joined(separator: "\n")
    }
}
