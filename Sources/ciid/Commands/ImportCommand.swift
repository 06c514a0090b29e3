import ArgumentParser
import CIIAccess
import CIICore
import CIIImport
import CIIStore
import Foundation

/// `ciid import`: applies a CSV export of the institution's current follow-ups as a snapshot.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import the institution's current follow-ups from a CSV export (a snapshot: people missing from it are retracted).",
        discussion: """
            The CSV has a header row naming at least the AVS number, the follow-up start and the last
            follow-up (or end) columns, in French, German or English; `;` or `,` separated; UTF-8 or
            Windows-1252; dates as dd.mm.yyyy or yyyy-mm-dd. An empty last follow-up means ongoing.
            Bad rows go to FILE.rejects.csv (line, column, reason; never the AVS number) and the
            valid rows are applied in one transaction, unless too many rows are bad.
            The import is written to the audit log before it is applied (its counts and the fingerprints of
            the people it changed); when the log cannot be written, nothing is applied.
            """
    )

    @OptionGroup var node: NodeOptions

    @Flag(help: "Apply a snapshot with no valid row (retracts every person). Without it, such an import is refused.")
    var allowEmpty = false

    @Flag(help: "Print the report as JSON.") var json = false

    @Argument(help: "The CSV file.") var file: String

    func run() throws {
        let (directory, configuration) = try node.load()
        guard configuration.role == .dispositif else { throw CLIError("only a dispositif node imports follow-ups") }
        let key = try node.federationKeys(directory)[0]
        let store = try NodeStore(path: directory.database)
        let importer = FollowUpImporter(
            fingerprinter: Fingerprinter(key: key),
            window: configuration.window,
            maximumRejectedPercent: configuration.maximumRejectedPercent
        )
        let audit = ImportAudit(
            log: try NodeAccess.auditLog(directory, configuration),
            source: URL(fileURLWithPath: file).lastPathComponent,
            osUser: NodeAccess.osUser
        )
        let report: ImportReport
        do {
            report = try importer.importFile(at: file, into: store, today: Day.today(), allowEmpty: allowEmpty, audit: audit.write)
        } catch {
            throw CLIError("import refused, nothing was changed: \(error)")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.summaryText)
        }
    }
}
