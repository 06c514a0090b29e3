import ArgumentParser
import CIIAudit
import CIICore
import CIIRegistry
import CIIReport
import CIIStore
import Foundation

extension ReportCommand {
    /// `ciid report annual --year Y`: every figure of the bureau's annual report.
    struct Annual: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "The annual report of year Y: situations, chapter 9's table, services, profile, gravity, reintegration, early detection, simultaneous follow-up, trainings.",
            discussion: """
                Counts only, naming nobody (docs/annual-report.md says how each figure is computed). Reads the \
                registry and the replica of the dispositifs' sets; a past year comes from the snapshot the \
                coordinator kept on the first day it ran in the next year (this command takes it when it is due). \
                Counts of fewer than 5 people from the replica show as "< 5". Written to the audit log \
                (registry_read, what=annual-report).
                """
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "The year reported on (2000 to this year).") var year: Int
        @Option(help: "html (a printable document with charts), csv or json.") var format: String = "html"
        @Option(help: "The language of the HTML and CSV: fr or de.") var language: String = "fr"
        @Option(help: "Write the report to FILE instead of standard output.") var output: String?

        func validate() throws {
            guard ["html", "csv", "json"].contains(format) else { throw ValidationError("--format is html, csv or json") }
            guard language == "fr" || language == "de" else { throw ValidationError("--language is fr or de") }
        }

        func run() async throws {
            let service = try RegistryCommand.open(node)
            let (directory, configuration) = try node.load()
            let replica: NodeStore
            do {
                replica = try NodeStore(path: directory.database)
            } catch {
                throw CLIError("the node database (the replica) cannot be opened: \(error)")
            }
            let log = try NodeAccess.auditLog(directory, configuration)
            let reporter = AnnualReporter(store: service.store, replica: replica)
            let report: AnnualReport
            do {
                report = try await reporter.report(year: year, today: Day.today())
            } catch {
                throw CLIError(error.description)
            }
            do {
                try log.append([
                    AuditEvent(
                        kind: .registryRead,
                        actor: "cli",
                        subject: nil,
                        outcome: "ok",
                        detailList: [
                            ("what", "annual-report"), ("year", String(year)), ("format", format), ("os_user", NodeAccess.osUser),
                        ]
                    )
                ])
            } catch {
                throw CLIError("the audit log cannot be written, so nothing is shown: \(error)")
            }
            let chosen: Language = language == "de" ? .de : .fr
            let bytes: [UInt8] =
                switch format {
                case "json": [UInt8](try AnnualReportRenderer.json(report)) + [UInt8(ascii: "\n")]
                case "csv": Array(AnnualReportRenderer.csv(report, language: chosen).utf8)
                default: Array(AnnualReportRenderer.html(report, language: chosen).utf8)
                }
            guard let output else {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            do {
                try SecureFile.write(bytes, to: output)
            } catch {
                throw CLIError("\(error)")
            }
            print("wrote the annual report \(year) (\(format)) to \(output)")
        }
    }
}
