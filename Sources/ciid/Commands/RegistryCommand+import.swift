import ArgumentParser
import CIIAudit
import CIICore
import CIIImport
import CIIRegistry
import CIIRegistryImport
import Foundation

extension RegistryCommand {
    /// `ciid registry import FILE [--dry-run] [--rejects FILE] [--language en|fr|de]`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import existing case periods from a CSV file (the format of docs/registry-csv.md).",
            discussion: """
                One row per case period, French or German headers; `;`, `,` or tab separated; UTF-8 or \
                Windows-1252; dates as dd.mm.yyyy or yyyy-mm-dd. Each row is checked with the registry's own \
                rules; the valid rows are written in one transaction, as case periods of the person with that \
                AVS number (created when unknown). A case period already in the registry (same person, \
                announcement date and announcing dispositif) is skipped, so a file may be imported again. \
                Refused and skipped rows go to FILE.rejects.csv (line, column, code, reason; never an AVS \
                number nor any other cell). A file that is not CSV, lacks a header or names an unknown column \
                changes nothing. The import is written to the audit log (registry_change, operation=import, \
                its counts) before the registry is; --dry-run writes nothing.
                """
        )

        @OptionGroup var node: NodeOptions
        @Flag(help: "Check the file and say what would be imported; write nothing.") var dryRun = false
        @Option(help: "Where to write the rejected and skipped rows (default: FILE.rejects.csv; with --dry-run, none).")
        var rejects: String?
        @Option(help: "The language of the rejects' reasons: en, fr or de.") var language: String = "en"
        @Argument(help: "The CSV file.") var file: String

        func run() async throws {
            guard let language = Language(rawValue: self.language) else { throw ValidationError("--language is en, fr or de") }
            let (directory, configuration) = try node.load()
            let service = try RegistryCommand.open(node)
            let log = try NodeAccess.auditLog(directory, configuration)
            let source = URL(fileURLWithPath: file).lastPathComponent
            let base = [("operation", dryRun ? "import_dry_run" : "import"), ("source", source), ("os_user", NodeAccess.osUser)]
            let importer = RegistryCaseImporter(service: service, actor: bureau, language: language)
            let report: RegistryImportReport
            do {
                report = try await importer.importFile(at: file, rejectsPath: rejects, dryRun: dryRun, today: Day.today()) { rows in
                    try log.append([
                        AuditEvent(kind: .registryChange, actor: "cli", outcome: "requested", detailList: base + [("rows", String(rows))])
                    ])
                }
            } catch {
                let kind: AuditKind = dryRun ? .registryRead : .registryChange
                log.record(AuditEvent(kind: kind, actor: "cli", outcome: "refused", detailList: base + [("error", error.code.rawValue)]))
                throw CLIError("import refused, nothing was changed: \(error.reason)")
            }
            // A dry run looks people up by AVS number without changing anything: a read.
            log.record(
                AuditEvent(kind: dryRun ? .registryRead : .registryChange, actor: "cli", outcome: "ok", detailList: base + report.auditDetails)
            )
            print(report.summaryText)
            if report.rejectsFile == nil, !report.rejects.isEmpty {
                print("")
                print(RejectsFile.text(report.rejects), terminator: "")
            }
        }
    }
}
