import ArgumentParser
import CIIAccess
import CIICore
import CIIFederation
import CIIStore
import Foundation
import Sodium

/// `ciid backup`: a consistent copy of a node, taken while it runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract:
            "Copy the node (databases, keys, TLS, federation files, audit log, configuration; on the coordinator the registry and its documents) to a new folder, while it runs.",
        discussion: """
            The copy holds the federation key and the node's secret keys: keep it encrypted and private,
            like the node itself (files stay 0600, folders 0700). Restore it with `ciid restore`.
            """
    )

    @OptionGroup var node: NodeOptions
    @Option(name: .shortAndLong, help: "The folder to create.") var output: String

    func run() throws {
        let (directory, _) = try node.load()
        guard !FileManager.default.fileExists(atPath: output) else { throw CLIError("\(output) already exists; choose a new folder") }
        try SecureFile.makeDirectory(output)
        try NodeStore(path: directory.database).backup(to: "\(output)/node.sqlite")
        if FileManager.default.fileExists(atPath: directory.accessDatabase) {
            do {
                try AccessStore(path: directory.accessDatabase).backup(to: "\(output)/access.sqlite")
            } catch {
                throw CLIError(error.reason)
            }
        }
        // The registry (coordinator): its database first, then its documents, so that every document
        // the copied database names is in the copy (a document's file is written before its row).
        if FileManager.default.fileExists(atPath: NodeRegistry.databasePath(directory)) {
            try NodeRegistry.backup(directory, to: "\(output)/registry.sqlite")
        }
        let documents = "\(directory.root)/registry"
        if FileManager.default.fileExists(atPath: documents) {
            try NodeRegistry.copyDocuments(from: documents, to: "\(output)/registry")
        }
        // The audit log is append-only: a copy taken while it grows may end in a cut line, which
        // `ciid audit verify` reports as a warning and the next append repairs.
        for item in ["ciid.conf", "keys", "tls", "federation", "audit", "respondents.json"]
        where FileManager.default.fileExists(atPath: "\(directory.root)/\(item)") {
            try FileManager.default.copyItem(atPath: "\(directory.root)/\(item)", toPath: "\(output)/\(item)")
        }
        print("backed up \(directory.root) to \(output); it holds secret keys: keep it encrypted")
    }
}

/// `ciid restore`: a backup made into a working node again.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Make a backup (ciid backup) into a node folder again; peers are then sent the whole set anew.",
        discussion: """
            Peers may hold changes made after the backup. The restored node therefore resends its whole
            set to every peer of its manifest, flagged reset, before anything new. Then import the
            institution's current export to bring the node up to date.
            """
    )

    @OptionGroup var node: NodeOptions
    @Argument(help: "The backup folder.") var backup: String

    func run() throws {
        let directory = try node.directory()
        guard !FileManager.default.fileExists(atPath: directory.root) else {
            throw CLIError("\(directory.root) exists; restore into a new folder (and move it into place with the node stopped)")
        }
        guard FileManager.default.fileExists(atPath: "\(backup)/node.sqlite"), FileManager.default.fileExists(atPath: "\(backup)/ciid.conf") else {
            throw CLIError("\(backup) is not a ciid backup (node.sqlite and ciid.conf are missing)")
        }
        try FileManager.default.copyItem(atPath: backup, toPath: directory.root)
        let (_, configuration) = try node.load()
        let peers = try FederationState.load(directory: directory, node: configuration.id)?.manifest?.members.map(\.id.rawValue) ?? []
        try NodeStore(path: directory.database).markRestored(peers: peers.filter { $0 != configuration.id.rawValue })
        if configuration.role == .coordinator {
            // The backup's manifest is older than what nodes hold: publish at once, above every earlier version.
            let published = try Coordinator(directory: directory, configuration: configuration).publish()
            let version = (try? published.verified(coordinatorKey: NodeIdentity.load(from: directory).signing.publicKey).version) ?? 0
            print("published manifest version \(version), above every earlier one: redo the membership changes made since the backup")
        }
        print(
            "restored \(configuration.id) into \(directory.root); \(peers.count > 1 ? "its peers will be sent its whole set again; " : "")import the current export next"
        )
    }
}
