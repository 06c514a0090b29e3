import ArgumentParser
import CIIAudit
import CIICore
import CIIRegistry
import CIIRegistryImport
import CIIStore
import Foundation

extension RegistryCommand {
    /// `ciid registry export`: the case periods as the registry's CSV (`docs/registry-csv.md`).
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every case period as CSV (the format of `ciid registry import`, docs/registry-csv.md).",
            discussion: """
                One row per case period, `;`-separated UTF-8 with a byte-order mark, a header in French or \
                German. The file holds AVS numbers and case texts in full: it is created 0600; keep it on \
                an encrypted disk and delete it once used. Cancelled cases only with --include-cancelled \
                (status `cancelled`; the import skips them). Written to the audit log (registry_export: the \
                number of rows, never an AVS number).
                """
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "Write to FILE (created 0600) instead of standard output.") var output: String?
        @Flag(help: "Include cancelled cases.") var includeCancelled = false
        @Option(help: "The header's language: fr or de.") var language: String = "fr"

        func validate() throws {
            guard language == "fr" || language == "de" else { throw ValidationError("--language is fr or de") }
        }

        func run() async throws {
            let service = try RegistryCommand.open(node)
            let (directory, configuration) = try node.load()
            let log = try NodeAccess.auditLog(directory, configuration)
            let periods = try await RegistryCommand.run { () async throws(RegistryError) in
                try await service.exportCases(includeCancelled: includeCancelled, by: bureau)
            }
            let text = CaseExport.csv(periods, language: language == "de" ? .de : .fr)
            do {
                try log.append([
                    AuditEvent(
                        kind: .registryExport,
                        actor: "cli",
                        detailList: [
                            ("what", "cases"), ("rows", String(periods.count)), ("cancelled", includeCancelled ? "included" : "excluded"),
                            ("format", "csv"), ("destination", output == nil ? "stdout" : "file"), ("os_user", NodeAccess.osUser),
                        ]
                    )
                ])
            } catch {
                throw CLIError("the audit log cannot be written, so nothing is exported: \(error)")
            }
            guard let output else {
                FileHandle.standardOutput.write(Data(text.utf8))
                return
            }
            do {
                try SecureFile.write(Array(text.utf8), to: output)
            } catch {
                throw CLIError("\(error)")
            }
            print("wrote \(periods.count) case period(s) to \(output) (0600: it holds AVS numbers)")
        }
    }

    /// `ciid registry powers-of-attorney`: the open cases whose power of attorney expired or expires soon.
    struct PowersOfAttorney: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "powers-of-attorney",
            abstract: "List the open cases whose power of attorney has expired or expires within --within-days.",
            discussion: """
                One line per case: case number, surname and first name, the document's designation, the \
                expiry (dd.mm.yyyy) and the status (expired, expires_soon), soonest first. Written to the \
                audit log (registry_read, what=powers_of_attorney).
                """
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "How many days ahead to look (0 to 3660).") var withinDays: Int = 30
        @Option(help: "text, csv or json.") var format: String = "text"

        func validate() throws {
            guard (0...3660).contains(withinDays) else { throw ValidationError("--within-days is from 0 to 3660") }
            guard ["text", "csv", "json"].contains(format) else { throw ValidationError("--format is text, csv or json") }
        }

        func run() async throws {
            let service = try RegistryCommand.open(node)
            let (directory, configuration) = try node.load()
            let log = try NodeAccess.auditLog(directory, configuration)
            let today = Day.today()
            let alerts = try await RegistryCommand.run { () async throws(RegistryError) in
                try await service.powersOfAttorney(on: today, within: withinDays, by: bureau)
            }
            do {
                try log.append([
                    AuditEvent(
                        kind: .registryRead,
                        actor: "cli",
                        detailList: [
                            ("what", "powers_of_attorney"), ("within_days", String(withinDays)), ("count", String(alerts.count)),
                            ("os_user", NodeAccess.osUser),
                        ]
                    )
                ])
            } catch {
                throw CLIError("the audit log cannot be written, so nothing is shown: \(error)")
            }
            switch format {
            case "json":
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(alerts) + Data("\n".utf8))
            case "csv":
                var text = "case_id;surname;first_name;designation;expiry;status\r\n"
                for alert in alerts {
                    text += CaseExport.line([
                        String(alert.caseID), alert.surname, alert.firstName, alert.designation, alert.expiry.swiss, alert.status.rawValue,
                    ])
                }
                FileHandle.standardOutput.write(Data(text.utf8))
            default:
                for alert in alerts {
                    print(
                        "case \(alert.caseID)\t\(alert.surname) \(alert.firstName)\t\(alert.designation)\t\(alert.expiry.swiss)\t\(alert.status.rawValue)"
                    )
                }
                print("\(alerts.count) power(s) of attorney expired or expiring by \(today.adding(days: withinDays).swiss)")
            }
        }
    }
}
