import ArgumentParser
import CIICore
import CIIServer
import CIIStore
import Foundation

/// `ciid check`: the alert check from the server's shell.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Has another dispositif followed this person within the window? Answered locally."
    )

    @OptionGroup var node: NodeOptions

    @Flag(help: "Answer in JSON, as the HTTP API does.") var json = false

    @Option(help: "Language of the answer: fr, de or en.") var lang: String = "en"

    @Argument(help: "The AVS number, such as 756.9217.0769.85.") var avs: String

    func run() throws {
        guard let language = Language(rawValue: lang) else { throw ValidationError("--lang is fr, de or en") }
        let number: AVSNumber
        do {
            number = try AVSNumber(avs)
        } catch {
            if json {
                print("{\"error\":{\"code\":\"\(error.code.rawValue)\",\"message\":\(JSONText.quoted(error.message(language)))}}")
            } else {
                FileHandle.standardError.write(Data("ciid: \(error.code.rawValue): \(error.message(language))\n".utf8))
            }
            throw ExitCode(2)
        }
        let (directory, configuration) = try node.load()
        let store = try NodeStore(path: directory.database)
        let checker = AlertChecker(
            node: configuration.id,
            keys: try node.federationKeys(directory),
            window: configuration.window,
            reader: ReplicaReader(store: store)
        )
        let answer = try checker.check(number, today: Day.today())
        print(json ? CheckAnswerFormat.json(answer) : CheckAnswerFormat.sentence(answer, language: language))
    }
}
