import ArgumentParser
import CIIAccess
import CIIAudit
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
            abstract: "Admit a node from its join request: issue its TLS certificate and publish a new manifest.",
            discussion: """
                Prints the fingerprints of the node's keys: compare them with those `ciid join-request` printed at the \
                node, by phone or in person (not by the channel that carried the file). Prints the coordinator's key \
                fingerprint too: the node's administrator compares it with the one `ciid join` prints.
                """
        )
        @OptionGroup var node: NodeOptions
        @Argument(help: "The join request file (ciid join-request).") var request: String
        @Option(name: .shortAndLong, help: "Where to write the admission file to give back to the node.") var output: String
        @Flag(help: "Replace the keys and endpoints of a node that is already a member with those of this request.") var replace = false

        func run() throws {
            let joinRequest = try JoinRequest(json: try SecureFile.read(request), source: request)
            let coordinator = try FederationCommand.coordinator(node)
            let admission = try coordinator.admit(joinRequest, replace: replace)
            try SecureFile.write(admission.json, to: output, mode: 0o644)
            print(
                """
                admitted \(joinRequest.id) (\(joinRequest.dispositif?.rawValue ?? joinRequest.role.rawValue))\(replace ? ", replacing its keys and endpoints" : "")
                  endpoint                       \(joinRequest.endpoint)
                  federation endpoint            \(joinRequest.federationEndpoint)
                  node signing key (Ed25519)     \(joinRequest.signingKeyFingerprint)
                  node box key (X25519)          \(joinRequest.boxKeyFingerprint)
                  coordinator key (Ed25519)      \(admission.coordinator.signingKeyFingerprint)
                Compare the node's two fingerprints with those `ciid join-request` printed there, by phone or in person;
                if they differ, remove the node at once (`ciid federation remove \(joinRequest.id)`).
                Give \(output) to the node: `ciid join` prints the coordinator key's fingerprint, to compare with the one above.
                """
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
        static let configuration = CommandConfiguration(
            abstract: "List the members: id, role, dispositif, endpoint, CA, federation endpoint, signing key fingerprint."
        )
        @OptionGroup var node: NodeOptions

        func run() throws {
            for member in try FederationCommand.coordinator(node).members() {
                let trust = member.caCertificate == nil ? "federation CA" : "own CA + federation CA"
                let federationEndpoint = member.federationEndpoint ?? "no federation endpoint (admit again with --replace)"
                print(
                    "\(member.id)\t\(member.role.rawValue)\t\(member.dispositif?.rawValue ?? "-")\t\(member.endpoint)\t\(trust)\t\(federationEndpoint)\t\(KeyFingerprint.of(base64: member.signingKey))"
                )
            }
        }
    }
}

/// `ciid overlaps`: our people who appeared in another dispositif's set (alerts); with
/// `--existing`, those already there at the first exchange with it. Each listing is written to
/// the audit log (``AuditKind/alertsListed``) before it is shown.
struct OverlapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlaps",
        abstract: "List overlap alerts: another dispositif follows one of our people."
    )
    @OptionGroup var node: NodeOptions
    @Option(help: "How many, newest first.") var limit: Int = 50
    @Flag(help: "List the overlaps already there at the first exchange with each dispositif instead of the alerts.") var existing = false

    func run() throws {
        let (directory, configuration) = try node.load()
        let events = try NodeStore(path: directory.database).overlapEvents(limit: limit, existing: existing)
        // The listing shows personal data: it is in the audit log before it is shown.
        var details = [("count", String(events.count)), ("existing", String(existing))]
        details += events.map { ("alert:\($0.id)", $0.fingerprint.hex) }
        details.append(("os_user", NodeAccess.osUser))
        do {
            try NodeAccess.auditLog(directory, configuration).append([AuditEvent(kind: .alertsListed, actor: "cli", detailList: details)])
        } catch {
            throw CLIError("the audit log cannot be written, so nothing is listed: \(error)")
        }
        if events.isEmpty { print(existing ? "no existing overlaps" : "no overlap alerts") }
        for event in events {
            print(
                "\(event.id)\t\(event.dispositif.rawValue) (\(event.origin))\tlast follow-up \(event.theirLastFollowUp.swissMonth)\tcaseworker \(event.caseworker ?? "-")\tdossier \(event.reference ?? "-")"
            )
        }
    }
}
