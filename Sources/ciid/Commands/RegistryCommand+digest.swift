import ArgumentParser
import CIIAccess
import CIIAudit
import CIICore
import CIIRegistry
import CIIStore
import Foundation
import Logging

extension RegistryCommand {
    /// `ciid registry digest [--on DAY] [--send]`: the weekly digest of powers of attorney.
    struct Digest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show, or e-mail now, the digest of powers of attorney expired or expiring within 30 days.",
            discussion: """
                Lists the open cases whose latest power of attorney expired or expires within 30 days (case number \
                and expiry; never a name). With --send, e-mails that list to registry.bureau_email through the \
                [mail] relay, as `ciid serve` does once a week (registry.digest_weekday, from 07:00 Swiss time); \
                an empty list sends nothing. The read is written to the audit log.
                """
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "The day to look from, YYYY-MM-DD (default: today).") var on: String?
        @Flag(help: "E-mail the digest to registry.bureau_email now.") var send = false

        func run() async throws {
            let service = try RegistryCommand.open(node)
            let (directory, configuration) = try node.load()
            var day = Day.today()
            if let on {
                guard let given = Day(parsing: on) else { throw ValidationError("--on is a day such as 2026-12-07") }
                day = given
            }
            let week = DigestSchedule(weekday: configuration.registry.digestWeekday).lastSlot(atOrBefore: Date())
            let audit = try NodeAccess.auditLog(directory, configuration)
            guard send else {
                let lines = try await RegistryDigest.lines(service, on: day)
                audit.record(
                    AuditEvent(
                        kind: .registryRead,
                        actor: "cli",
                        detailList: [("what", "powers_of_attorney_digest"), ("count", String(lines.count)), ("os_user", NodeAccess.osUser)]
                    )
                )
                for line in lines.sorted(by: { ($0.expiry, $0.caseID) < ($1.expiry, $1.caseID) }) {
                    print("case \(line.caseID)\t\(line.expired ? "expired" : "expires")\t\(line.expiry.iso)")
                }
                print("\(lines.count) case(s) with a power of attorney expired or expiring by \(day.adding(days: PowerOfAttorney.warningDays).iso)")
                return
            }
            let logger = Logger(label: "ciid.registry")
            let lookFrom = Self.noon(of: day)
            guard let mail = NodeRegistry.bureauMail(configuration, mailer: try NodeAccess.mailer(directory, configuration), logger: logger) else {
                throw CLIError("--send needs registry.bureau_email and a [mail] relay in \(directory.configuration)")
            }
            let digest = RegistryDigest(
                service: service,
                mail: mail,
                schedule: DigestSchedule(weekday: configuration.registry.digestWeekday),
                stateFile: RegistryDigest.stateFile(directory),
                audit: audit,
                logger: logger,
                now: { lookFrom }
            )
            let count = try await digest.send(week: week, actor: "cli")
            print(count == 0 ? "no power of attorney expired or expiring: nothing sent" : "digest of \(count) case(s) sent to \(mail.address)")
        }

        /// Noon of `day`, Swiss time: the moment the digest looks from.
        static func noon(of day: Day) -> Date {
            DigestSchedule.start(of: day).addingTimeInterval(5 * 3600)
        }
    }
}
