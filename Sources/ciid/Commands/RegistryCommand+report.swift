import ArgumentParser
import CIIAudit
import CIICore
import CIIRegistry
import CIIServer
import CIIStore
import Foundation

extension RegistryCommand {
    /// `ciid registry person-report`: the right of access (FADP art. 25) to the registry.
    struct PersonReport: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person-report",
            abstract: "Everything the registry holds about one person, and who read or changed it (right of access, FADP art. 25).",
            discussion: """
                Type the person's AVS number on standard input, then Ctrl-D (or: `ciid registry person-report \
                < request.txt`): never on the command line, where the shell history and `ps` keep it. Writes the \
                person's data, every case period with every tab (cancelled ones too, marked), the documents' \
                metadata (not the files), each case's history, the bureau's notices, and the audit log's entries \
                about the person or their cases. The report is written to the audit log (registry_read, \
                what=person-report, the AVS number masked). Exit code 3 when the registry holds no such person.
                """
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "html (a printable document) or json.") var format: String = "html"
        @Option(help: "The language of the HTML document: fr or de.") var language: String = "fr"
        @Option(help: "Write the report to FILE (created 0600) instead of standard output.") var output: String?

        func validate() throws {
            guard format == "html" || format == "json" else { throw ValidationError("--format is html or json") }
            guard language == "fr" || language == "de" else { throw ValidationError("--language is fr or de") }
        }

        func run() async throws {
            let avs = try AuditCommand.Person.readNumber(command: "ciid registry person-report")
            let service = try RegistryCommand.open(node)
            let (directory, configuration) = try node.load()
            let log = try NodeAccess.auditLog(directory, configuration)
            let found = try await RegistryCommand.run { () async throws(RegistryError) in
                try await service.personReport(avs: avs, by: bureau) { subjects in
                    try PersonReportAccess.entries(in: log, subjects: subjects)
                }
            }
            guard let report = found else {
                try Self.audit(log, subject: nil, outcome: "not_found", [("number", avs.masked)])
                FileHandle.standardError.write(Data("the registry holds no person with this AVS number (\(avs.masked)); nothing to report\n".utf8))
                throw ExitCode(3)
            }
            try Self.audit(
                log,
                subject: "person:\(report.personID)",
                outcome: "ok",
                [("number", avs.masked), ("cases", String(report.cases.count)), ("format", format)]
            )
            let bytes =
                format == "json"
                ? [UInt8](try PersonReportRenderer.json(report)) + [UInt8(ascii: "\n")]
                : Array(PersonReportRenderer.html(report, language: language == "de" ? .de : .fr).utf8)
            guard let output else {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            do {
                try SecureFile.write(bytes, to: output)
            } catch {
                throw CLIError("\(error)")
            }
            print("wrote the report on \(report.cases.count) case period(s) to \(output) (0600: it holds personal data)")
        }

        /// Writes the report's `registry_read` entry, durably, before anything is shown.
        static func audit(_ log: AuditLog, subject: String?, outcome: String, _ details: [(String, String)]) throws {
            do {
                try log.append([
                    AuditEvent(
                        kind: .registryRead,
                        actor: "cli",
                        subject: subject,
                        outcome: outcome,
                        detailList: [("what", "person-report")] + details + [("os_user", NodeAccess.osUser)]
                    )
                ])
            } catch {
                throw CLIError("the audit log cannot be written, so nothing is shown: \(error)")
            }
        }
    }
}
