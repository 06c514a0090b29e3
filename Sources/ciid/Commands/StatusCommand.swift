import ArgumentParser
import CIICore
import CIIStore

/// `ciid status`: what the node holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the node's own set, change log, replica and keys.")

    @OptionGroup var node: NodeOptions

    func run() throws {
        let (directory, configuration) = try node.load()
        let store = try NodeStore(path: directory.database)
        let keys = try FederationKeyStore(directory: directory).keys()
        print("node          \(configuration.id) (\(configuration.role.rawValue)\(configuration.dispositif.map { ", \($0.rawValue)" } ?? ""))")
        print("data folder   \(directory.root)")
        print("window        \(configuration.window)")
        print("keys          \(keys.isEmpty ? "none" : keys.map { "\($0.epoch) (id \($0.keyID))" }.joined(separator: ", "))")
        print("own set       \(try store.ownCount()) people")
        print("change log    last sequence \(try store.lastSequence())")
        let counts = try store.replicaCounts()
        print("replica       \(counts.values.reduce(0, +)) fingerprints")
        for (origin, count) in counts.sorted(by: { $0.key < $1.key }) { print("  \(origin)\t\(count)") }
    }
}
