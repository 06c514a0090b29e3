import ArgumentParser
import CIIAccess
import CIIAudit
import CIICore
import CIIFederation
import CIIServer
import CIIStore
import Foundation

/// `ciid check`: the alert check from the server's shell, each check written to the audit log
/// (actor `cli`, the fingerprint, never the number) before its answer is shown.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Has another dispositif followed this person within the window? Answered locally.",
        discussion: """
            Give - and type the numbers on standard input, one a line: a number on the command line \
            lands in the shell history and in `ps`, where others can read it. Each number is a \
            check in the audit log; a bad line is named on standard error, the others are answered, \
            and the exit status is 2.
            """
    )

    @OptionGroup var node: NodeOptions

    @Flag(help: "Answer in JSON, as the HTTP API does.") var json = false

    @Option(help: "Language of the answer: fr, de or en.") var lang: String = "en"

    @Argument(help: "- to read AVS numbers from standard input (recommended), or one AVS number, such as 756.9217.0769.85.")
    var avs: String

    func run() throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang is fr, de or en") }
        let (directory, configuration) = try node.load()
        let store = try NodeStore(path: directory.database)
        let checker = AlertChecker(
            node: configuration.id,
            keys: try node.federationKeys(directory),
            window: configuration.window,
            reader: ReplicaReader(store: store)
        )
        let log = try NodeAccess.auditLog(directory, configuration)
        let respondents = RespondentBook.load(directory: directory)?.directory  // whom to contact, once fetched
        var allGood = true
        if avs == "-" {
            var number = 0
            while let line = readLine() {
                number += 1
                let text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                allGood = try check(text, line: number, checker: checker, log: log, language: language, respondents: respondents) && allGood
            }
        } else {
            allGood = try check(avs, line: nil, checker: checker, log: log, language: language, respondents: respondents)
        }
        if !allGood { throw ExitCode(2) }
    }

    /// Checks `text`, audits it, then prints the answer, or the error naming `line`.
    /// - Returns: whether `text` was a valid AVS number.
    func check(
        _ text: String,
        line: Int?,
        checker: AlertChecker,
        log: AuditLog,
        language: Language,
        respondents: RespondentDirectory?
    ) throws -> Bool {
        let number: AVSNumber
        do {
            number = try AVSNumber(text)
        } catch {
            var details = [("reason", error.code.rawValue)]
            if let line { details.append(("line", String(line))) }
            details.append(("os_user", NodeAccess.osUser))
            try audit(log, AuditEvent(kind: .check, actor: "cli", outcome: "invalid", detailList: details))
            let place = line.map { "line \($0): " } ?? ""
            if json, line == nil {
                print("{\"error\":{\"code\":\"\(error.code.rawValue)\",\"message\":\(JSONText.quoted(error.message(language)))}}")
            } else {
                FileHandle.standardError.write(Data("ciid: \(place)\(error.code.rawValue): \(error.message(language))\n".utf8))
            }
            return false
        }
        let answer = try checker.check(number, today: Day.today())
        try audit(
            log,
            AuditEvent(
                kind: .check,
                actor: "cli",
                detailList: [("fingerprint", answer.fingerprint.hex), ("matches", String(answer.matches.count)), ("os_user", NodeAccess.osUser)]
            )
        )
        print(
            json
                ? CheckAnswerFormat.json(answer, respondents: respondents)
                : CheckAnswerFormat.sentence(answer, language: language, respondents: respondents)
        )
        return true
    }

    /// Writes `event` to the audit log before anything is shown: no answer without its entry.
    func audit(_ log: AuditLog, _ event: AuditEvent) throws {
        do {
            try log.append([event])
        } catch {
            throw CLIError("the audit log cannot be written, so nothing is answered: \(error)")
        }
    }
}
