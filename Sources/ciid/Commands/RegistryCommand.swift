import ArgumentParser
import CIICore
import CIIRegistry
import Foundation
import Logging

/// `ciid registry …`: the bureau's tasks on the coordinator's MX-CII registry.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract:
            "The coordinator's MX-CII registry: directory, document codes, import, export, person reports, powers of attorney, retention, the digest.",
        subcommands: [Directory.self, Codes.self, Import.self, Export.self, PersonReport.self, PowersOfAttorney.self, Retention.self, Digest.self]
    )

    /// `ciid registry retention [--dry-run]`.
    struct Retention: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the personal data of cases closed or cancelled more than registry.retention_years ago.",
            discussion: """
                Goes with each case: its tabs, history, notices and documents, and the person when they have no \
                other case. Each deletion is written to the audit log (case number, status, day it ended; never a \
                name). Document files that no case names and that are older than a day (an upload interrupted \
                between its file and its line) go too. `ciid serve` does the same once a day; --dry-run only \
                lists the cases that would go.
                """
        )
        @OptionGroup var node: NodeOptions
        @Flag(help: "List what would be deleted, delete nothing.") var dryRun = false

        func run() async throws {
            let service = try RegistryCommand.open(node)
            let (directory, configuration) = try node.load()
            let years = configuration.registry.retentionYears
            let today = Day.today()
            if dryRun {
                let due = try await service.retentionDue(today: today, years: years)
                for item in due {
                    print(
                        "case \(item.caseID)\t\(item.status.rawValue) \(item.endedOn.iso)\t\(item.documents.count) document(s)\tperson \(item.personGoes ? "goes" : "stays")"
                    )
                }
                print("\(due.count) case(s) ended before \(today.minus(years: years).iso) would be deleted (registry.retention_years = \(years))")
                return
            }
            let retention = RegistryRetention(
                service: service,
                vault: try NodeRegistry.vault(directory),
                audit: try NodeAccess.auditLog(directory, configuration),
                years: years,
                logger: Logger(label: "ciid.registry")
            )
            let removed = try await retention.sweep(today: today, actor: "cli")
            print("deleted the personal data of \(removed.count) case(s) ended before \(today.minus(years: years).iso); see `ciid audit tail`")
            let orphans = try await retention.sweepOrphans(actor: "cli")
            if !orphans.isEmpty { print("deleted \(orphans.count) document file(s) that no case names (left by an interrupted upload)") }
        }
    }
}
