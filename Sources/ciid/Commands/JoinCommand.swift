import ArgumentParser
import CIICore
import CIIFederation
import CIIStore
import Foundation

/// `ciid join`: installs the coordinator's signed admission.
struct JoinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Install the admission the coordinator gave: its key and endpoint, the federation CA, this node's certificate.",
        discussion: """
            The admission must be signed by the coordinator key it carries. Compare that key's fingerprint, printed \\
            here, with the one `ciid federation admit` printed at the coordinator, by phone or in person.
            """
    )
    @OptionGroup var node: NodeOptions
    @Argument(help: "The admission file.") var admission: String

    func run() throws {
        let (directory, configuration) = try node.load()
        let value = try Admission(json: try SecureFile.read(admission), source: admission)
        try FederationState.install(value, directory: directory, configuration: configuration)
        print(
            """
            joined the federation of \(value.coordinator.id) at \(value.coordinator.endpoint)
              coordinator key (Ed25519)      \(value.coordinator.signingKeyFingerprint)
            Compare this fingerprint with the one `ciid federation admit` printed at the coordinator, by phone or in
            person; if it differs, this node trusts someone else: stop, and ask the coordinator's administrator.
            `ciid serve` fetches the manifest and the keys.
            """
        )
    }
}
