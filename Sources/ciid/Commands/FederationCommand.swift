import ArgumentParser
import CIICore
import CIIFederation
import CIIStore
import Foundation

/// `ciid federation`: the coordinator's membership commands.
struct FederationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "federation",
        abstract: "On the coordinator: admit and remove members, list them, trust a member's own CA, rotate and retire epochs.",
        subcommands: [Admit.self, Remove.self, Members.self, TrustCA.self, Rotate.self, Retire.self]
    )

    static func coordinator(_ node: NodeOptions) throws -> Coordinator {
        let (directory, configuration) = try node.load()
        guard configuration.role == .coordinator else { throw CLIError("only the coordinator manages the federation") }
        return Coordinator(directory: directory, configuration: configuration)
    }

    struct Admit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Admit a node from its join request: issue its TLS certificate and publish a new manifest."
        )
        @OptionGroup var node: NodeOptions
        @Argument(help: "The join request file (ciid join-request).") var request: String
        @Option(name: .shortAndLong, help: "Where to write the admission file to give back to the node.") var output: String

        func run() throws {
            let joinRequest = try JoinRequest(json: try SecureFile.read(request), source: request)
            let admission = try FederationCommand.coordinator(node).admit(joinRequest)
            try SecureFile.write(admission.json, to: output, mode: 0o644)
            print(
                "admitted \(joinRequest.id) (\(joinRequest.dispositif?.rawValue ?? joinRequest.role.rawValue)) at \(joinRequest.endpoint); give it \(output)"
            )
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a member and publish a new manifest: its batches are refused from then on.")
        @OptionGroup var node: NodeOptions
        @Argument(help: "The node id.") var id: String

        func run() throws {
            let signed = try FederationCommand.coordinator(node).remove(try NodeID(id))
            print("removed \(id); manifest \(signed.manifest.count > 0 ? "published" : "")")
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a new epoch: a new fingerprint key for every member. Each node's next import moves its set to it."
        )
        @OptionGroup var node: NodeOptions

        func run() throws {
            let epoch = try FederationCommand.coordinator(node).rotate()
            print(
                "published \(epoch); nodes pick it up within seconds and move their sets at their next import; once every member has (ciid status), retire the old epoch (ciid federation retire)"
            )
        }
    }

    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the members.")
        @OptionGroup var node: NodeOptions

        func run() throws {
            for member in try FederationCommand.coordinator(node).members() {
                let trust = member.caCertificate == nil ? "federation CA" : "own CA + federation CA"
                print("\(member.id)\t\(member.role.rawValue)\t\(member.dispositif?.rawValue ?? "-")\t\(member.endpoint)\t\(trust)")
            }
        }
    }
}

/// `ciid join-request`: what the coordinator needs to admit this node.
struct JoinRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "join-request", abstract: "Write this node's join request for the coordinator.")
    @OptionGroup var node: NodeOptions
    @Option(help: "The HTTPS URL peers reach this node at (default: https://localhost:PORT).") var endpoint: String?
    @Option(name: .shortAndLong, help: "The file to write.") var output: String

    func run() throws {
        let (directory, configuration) = try node.load()
        let url = endpoint ?? "https://localhost:\(configuration.listenPort)"
        let request = try JoinRequest.make(directory: directory, configuration: configuration, endpoint: url)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try SecureFile.write([UInt8](try encoder.encode(request)), to: output, mode: 0o644, overwrite: true)
        print("wrote \(output): give it to the coordinator (`ciid federation admit \(output) --output admission.json`)")
    }
}

/// `ciid join`: installs the coordinator's admission.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Install the admission the coordinator gave: its key and endpoint, the federation CA, this node's certificate."
    )
    @OptionGroup var node: NodeOptions
    @Argument(help: "The admission file.") var admission: String

    func run() throws {
        let (directory, configuration) = try node.load()
        let value = try Admission(json: try SecureFile.read(admission), source: admission)
        try FederationState.install(value, directory: directory, configuration: configuration)
        print("joined the federation of \(value.coordinator.id) at \(value.coordinator.endpoint); `ciid serve` fetches the manifest and the keys")
    }
}

/// `ciid overlaps`: our people who appeared in another dispositif's set (alerts); with
/// `--existing`, those already there at the first exchange with it.
struct OverlapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlaps",
        abstract: "List overlap alerts: another dispositif follows one of our people."
    )
    @OptionGroup var node: NodeOptions
    @Option(help: "How many, newest first.") var limit: Int = 50
    @Flag(help: "List the overlaps already there at the first exchange with each dispositif instead of the alerts.") var existing = false

    func run() throws {
        let (directory, _) = try node.load()
        let events = try NodeStore(path: directory.database).overlapEvents(limit: limit, existing: existing)
        if events.isEmpty { print(existing ? "no existing overlaps" : "no overlap alerts") }
        for event in events {
            print(
                "\(event.id)\t\(event.dispositif.rawValue) (\(event.origin))\tlast follow-up \(event.theirLastFollowUp.swiss)\tcaseworker \(event.caseworker ?? "-")\tdossier \(event.reference ?? "-")"
            )
        }
    }
}
