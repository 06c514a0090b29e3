import ArgumentParser
import CIICore
import CIIStore
import Foundation

/// The data-folder option every node command shares.
struct NodeOptions: ParsableArguments {
    @Option(name: .long, help: "The node's data folder (default: $CIID_DATA_DIR).")
    var dataDir: String?

    /// The node's folder, from --data-dir or CIID_DATA_DIR.
    func directory() throws -> NodeDirectory {
        guard let path = dataDir ?? ProcessInfo.processInfo.environment["CIID_DATA_DIR"], !path.isEmpty else {
            throw ValidationError("no data folder: pass --data-dir DIR or set CIID_DATA_DIR")
        }
        return NodeDirectory(root: path)
    }

    /// The node's folder and configuration, with a clear error when the node does not exist.
    func load() throws -> (NodeDirectory, NodeConfiguration) {
        let directory = try directory()
        guard let data = FileManager.default.contents(atPath: directory.configuration) else {
            throw CLIError("no node at \(directory.root): \(directory.configuration) is missing (create one with `ciid init`)")
        }
        do {
            return (directory, try NodeConfiguration(parsing: String(decoding: data, as: UTF8.self), file: directory.configuration))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The federation keys, with a clear error when there are none.
    func federationKeys(_ directory: NodeDirectory) throws -> [FingerprintKey] {
        let keys = try FederationKeyStore(directory: directory).keys()
        guard !keys.isEmpty else {
            throw CLIError(
                "this node holds no federation key: import the one the coordinator gave you (`ciid keys import FILE`) "
                    + "or, for a development node, make one (`ciid keys generate`)"
            )
        }
        return keys
    }
}

/// An error the CLI prints as is, then exits with status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
