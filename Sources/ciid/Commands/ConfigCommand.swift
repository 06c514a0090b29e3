import ArgumentParser
import CIICore
import CIIStore

/// `ciid config`: the settings of `ciid.conf`, documented and checked from their one declaration.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Explain, check and show the settings of ciid.conf.",
        subcommands: [Reference.self, Check.self, Example.self]
    )

    /// `ciid config reference`: every setting, as the Markdown of docs/configuration.md.
    struct Reference: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every setting with its values, default and purpose (Markdown).")

        func run() { print(NodeConfiguration.reference, terminator: "") }
    }

    /// `ciid config check`: reads the node's `ciid.conf` and says whether it is valid.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the node's ciid.conf and name the first line that is wrong, before a restart."
        )
        @OptionGroup var node: NodeOptions

        func run() throws {
            let (directory, _) = try node.load()
            print("\(directory.configuration): valid")
        }
    }

    /// `ciid config example`: the commented example of config/dispositif.example.conf.
    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a complete, commented ciid.conf for an ORP node, every setting at its default."
        )

        func run() throws { print(NodeConfiguration.example, terminator: "") }
    }
}
