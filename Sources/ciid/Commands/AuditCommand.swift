import ArgumentParser
import CIIAccess
import CIIAudit
import CIICore
import CIIStore
import Foundation
import Sodium

/// `ciid audit`: the node's audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify the node's audit log, export it as CSV for the data protection officer, or list what it holds about one person.",
        discussion: """
            The audit log (DATA/audit/, one file per month) holds every login, code sent, password and
            account change, check (account, time, fingerprint, number of matches: never the AVS number),
            alert read and admin action, chained by MACs under DATA/keys/audit.key.
            """,
        subcommands: [Verify.self, Export.self, Person.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove the chain is intact, or name its first broken entry (exit status 1).",
            discussion: """
                Note the head it prints: the chain alone cannot show that entries were cut off its end.
                Give it back later with --expect-head, and verify fails when that entry is gone.
                """
        )
        @OptionGroup var node: NodeOptions

        @Option(help: "A head printed by an earlier verify (64 hexadecimal digits): fail if that entry is no longer in the chain.")
        var expectHead: String?

        func validate() throws {
            if let expectHead, expectHead.utf8.count != 64 || !expectHead.allSatisfy(\.isHexDigit) {
                throw ValidationError("--expect-head takes the 64 hexadecimal digits printed after \"head\" by an earlier verify")
            }
        }

        func run() throws {
            let (directory, _) = try node.load()
            let folder = AuditLog.directory(of: directory)
            let keyPath = AuditKey.path(of: directory)
            guard FileManager.default.fileExists(atPath: keyPath) else {
                guard try AuditCommand.isEmpty(folder) else {
                    throw CLIError("the audit log has entries but \(keyPath) is missing: restore it from a backup of the node")
                }
                print("OK: the audit log is empty")
                return
            }
            let result = AuditLog.verify(directory: folder, key: try AuditCommand.key(keyPath), expectingHead: expectHead)
            for warning in result.warnings { print("warning: \(warning)") }
            if let failure = result.failure {
                print("BROKEN: \(failure.file), line \(failure.line)\(failure.seq.map { ", seq \($0)" } ?? ""): \(failure.reason)")
                if let first = result.firstSeq, let last = result.lastSeq {
                    print("the \(result.entries) entries before it (seq \(first)…\(last)) are intact")
                }
                throw ExitCode.failure
            }
            guard let first = result.firstSeq, let last = result.lastSeq, let head = result.head else {
                print("OK: the audit log is empty")
                return
            }
            let files = "\(result.files.count) files (\(result.files.first!) … \(result.files.last!))"
            print("OK: \(result.entries) \(result.entries == 1 ? "entry" : "entries"), seq \(first)…\(last), in \(files)")
            print("head \(head)")
            if let anchor = result.anchor { print("older entries were purged: the chain starts at \(anchor)") }
            if result.notedHeadFound == false {
                print(
                    "BROKEN: no entry has the head \(expectHead ?? "") noted earlier: entries were removed from the end of the log since"
                        + (result.anchor == nil ? "" : " (or the noted entry was in a month purged since)")
                        + ", or the head is another node's"
                )
                throw ExitCode.failure
            }
            if result.notedHeadFound == true { print("the noted head is still in the chain") }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the entries of a span of days as CSV (seq;time;kind;actor;subject;outcome;details).",
            discussion: """
                Days are days in Switzerland (Europe/Zurich), both included; times in the CSV are UTC.
                The export is itself written to the audit log. The CSV holds personal data: a file
                given with --output is created 0600 and never overwritten.
                """
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "The first day, YYYY-MM-DD.") var from: String
        @Option(help: "The last day, YYYY-MM-DD (included).") var to: String
        @Option(name: .shortAndLong, help: "Write to this new file instead of standard output.") var output: String?

        func validate() throws {
            guard let first = Day(parsing: from) else { throw ValidationError("--from \"\(from)\" is not a date: write it YYYY-MM-DD") }
            guard let last = Day(parsing: to) else { throw ValidationError("--to \"\(to)\" is not a date: write it YYYY-MM-DD") }
            guard first <= last else { throw ValidationError("--from (\(first)) comes after --to (\(last))") }
        }

        func run() throws {
            let (directory, configuration) = try node.load()
            let first = Day(parsing: from)!
            let last = Day(parsing: to)!
            if let output, FileManager.default.fileExists(atPath: output) { throw CLIError("\(output) already exists; choose a new file") }
            let log = try NodeAccess.auditLog(directory, configuration)
            if let failure = log.verify().failure {
                FileHandle.standardError.write(Data("warning: the audit log is broken at \(failure); run `ciid audit verify`\n".utf8))
            }
            let count: Int
            if let output {
                var text = ""
                count = try log.export(from: AuditCommand.start(of: first), to: AuditCommand.start(of: last.adding(days: 1))) { text += $0 }
                try SecureFile.write(Array(text.utf8), to: output, mode: 0o600, overwrite: false)
            } else {
                count = try log.export(from: AuditCommand.start(of: first), to: AuditCommand.start(of: last.adding(days: 1))) { line in
                    try FileHandle.standardOutput.write(contentsOf: Data(line.utf8))
                }
            }
            try log.append([
                AuditEvent(
                    kind: .auditExported,
                    actor: "cli",
                    details: [
                        "from": first.iso, "to": last.iso, "entries": String(count), "output": output == nil ? "stdout" : "file",
                        "os_user": NodeAccess.osUser,
                    ]
                )
            ])
            FileHandle.standardError.write(
                Data("exported \(count) entries from \(first.iso) to \(last.iso)\(output.map { " to \($0)" } ?? "")\n".utf8)
            )
        }
    }

    /// The audit key at `path`.
    static func key(_ path: String) throws -> SecretBytes {
        do {
            return try AuditKey.load(at: path)
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Whether the audit folder holds no entry at all.
    static func isEmpty(_ folder: URL) throws -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path(percentEncoded: false))) ?? []
        return !names.contains { $0.hasPrefix("audit-") && $0.hasSuffix(".jsonl") }
    }

    /// Midnight at the start of `day` in Switzerland.
    static func start(of day: Day) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.switzerland
        let (year, month, date) = day.components
        return calendar.date(from: DateComponents(year: year, month: month, day: date))!
    }
}
