import ArgumentParser
import CIIAudit
import CIICore
import CIIStore
import Foundation

extension AuditCommand {
    /// `ciid audit person`: the right of access (FADP art. 25), from the audit log.
    struct Person: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what the audit log holds about one person (right of access, FADP art. 25).",
            discussion: """
                Type the person's AVS number on standard input, then Ctrl-D (or give a file: \
                `ciid audit person < request.txt`): a number on the command line, or in an `echo`, \
                lands in the shell history and in `ps`, where others can read it. Lists every entry about that person (checks, import changes, \
                alert listings…), matched by the person's fingerprint under each epoch key the node \
                still holds: entries of retired epochs and of months past the retention cannot be \
                found. Fingerprints of other people are never shown. The search is itself written to \
                the audit log (a read of personal data).
                """
        )
        @OptionGroup var node: NodeOptions

        @Flag(help: "Write CSV (the columns of `ciid audit export`) instead of lines for people.") var csv = false

        func run() throws {
            let (directory, configuration) = try node.load()
            let avs = try Self.readNumber()
            let keys = try node.federationKeys(directory)
            let fingerprints = keys.map { (epoch: $0.epoch, hex: Fingerprinter(key: $0).fingerprint(avs).hex) }
            let log = try NodeAccess.auditLog(directory, configuration)
            let entries: [AuditPersonEntry]
            do {
                entries = try log.entries(about: Set(fingerprints.map(\.hex)))
            } catch {
                throw CLIError("\(error)")
            }
            do {
                try log.append([
                    AuditEvent(
                        kind: .auditPerson,
                        actor: "cli",
                        detailList: [
                            ("fingerprint", fingerprints.map(\.hex).joined(separator: ",")), ("entries", String(entries.count)),
                            ("os_user", NodeAccess.osUser),
                        ]
                    )
                ])
            } catch {
                throw CLIError("the audit log cannot be written, so nothing is shown: \(error)")
            }
            if csv {
                print(AuditPersonEntry.csvHeader + entries.map(\.csvRow).joined(), terminator: "")
                return
            }
            let epochs = fingerprints.map { "\($0.epoch)" }.joined(separator: ", ")
            print("Audit log of \(configuration.id): \(entries.count) \(entries.count == 1 ? "entry" : "entries") about this person")
            print(
                "(searched by fingerprint under \(epochs); entries older than \(configuration.access.auditRetentionDays) days are deleted; times in UTC)"
            )
            for entry in entries { print(entry.line) }
        }

        /// The one AVS number on standard input (`command` names the command in the hint).
        static func readNumber(command: String = "ciid audit person") throws -> AVSNumber {
            var lines: [String] = []
            while let line = readLine() {
                let text = line.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { lines.append(text) }
            }
            guard lines.count == 1 else {
                throw CLIError(
                    lines.isEmpty
                        ? "type the person's AVS number on standard input, then Ctrl-D (or: \(command) < FILE)"
                        : "give one AVS number on standard input, not \(lines.count) lines"
                )
            }
            do {
                return try AVSNumber(lines[0])
            } catch {
                throw CLIError("\(error.code.rawValue): \(error.message(.en))")
            }
        }
    }
}
