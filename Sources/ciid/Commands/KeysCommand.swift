import ArgumentParser
import CIICore
import CIIStore

/// `ciid keys`: the federation keys the node holds.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the node's federation keys (one per epoch).",
        discussion: """
            The federation key turns AVS numbers into fingerprints. Whoever holds it can test any AVS
            number against a fingerprint: keep it and its exports secret (files are written 0600).
            """,
        subcommands: [List.self, Generate.self, Import.self, Export.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the epochs, key ids and fingerprint widths (never the keys).")
        @OptionGroup var node: NodeOptions

        func run() throws {
            let (directory, _) = try node.load()
            let keys = try FederationKeyStore(directory: directory).keys()
            if keys.isEmpty { print("no federation key (see `ciid keys generate` or `ciid keys import`)") }
            for key in keys { print("\(key.epoch)\tid \(key.keyID)\t\(key.width)-byte fingerprints") }
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a development federation key for an epoch (a real federation gets its keys from the coordinator)."
        )
        @OptionGroup var node: NodeOptions
        @Option(help: "The epoch number.") var epoch: UInt32 = 1

        func run() throws {
            let (directory, _) = try node.load()
            guard let epoch = Epoch(epoch) else { throw ValidationError("--epoch starts at 1") }
            let key = FingerprintKey.generate(epoch: epoch)
            try FederationKeyStore(directory: directory).add(key)
            print("generated a development key for \(epoch), id \(key.keyID); share it with `ciid keys export`")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a federation key from a key file (ciid-federation-key-v1, mode 0600).")
        @OptionGroup var node: NodeOptions
        @Argument(help: "The key file.") var file: String

        func run() throws {
            let (directory, _) = try node.load()
            let key = try FederationKeyStore.readKeyFile(file)
            try FederationKeyStore(directory: directory).add(key)
            print("the node now holds the key of \(key.epoch), id \(key.keyID)")
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write one epoch's key to a new 0600 file, to give to another development node.")
        @OptionGroup var node: NodeOptions
        @Option(help: "The epoch number.") var epoch: UInt32 = 1
        @Option(name: .shortAndLong, help: "The file to create.") var output: String

        func run() throws {
            let (directory, _) = try node.load()
            guard let key = try FederationKeyStore(directory: directory).keys().first(where: { $0.epoch.number == epoch }) else {
                throw CLIError("this node holds no key for epoch \(epoch)")
            }
            try FederationKeyStore.writeKeyFile(key, to: output)
            print("wrote the key of \(key.epoch) (id \(key.keyID)) to \(output); keep it secret and delete it once imported")
        }
    }
}
