import ArgumentParser

/// `ciid report …`: the coordinator's reports on the CII's activity.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports on the CII's activity (coordinator): the annual report.",
        subcommands: [Annual.self]
    )
}
