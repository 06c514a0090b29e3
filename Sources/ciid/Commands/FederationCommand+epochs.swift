import ArgumentParser
import CIICore
import CIIFederation
import CIIStore

extension FederationCommand {
    /// `ciid federation retire`: the end of an old epoch.
    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire an old epoch: publish a manifest without its key; every node drops the key and the fingerprints of that epoch.",
            discussion: """
                Retire an epoch once every member has imported since the rotation: `ciid status` on the
                coordinator shows, per member, the epochs of the fingerprints it publishes. The current
                epoch cannot be retired.
                """
        )
        @OptionGroup var node: NodeOptions
        @Argument(help: "The epoch number (an older one than the current epoch).") var epoch: UInt32
        @Flag(help: "Retire even though members still publish fingerprints of that epoch: they vanish until those members import again.")
        var force = false

        func run() throws {
            guard let value = Epoch(epoch) else { throw ValidationError("epochs are numbered from 1") }
            let coordinator = try FederationCommand.coordinator(node)
            let store = try NodeStore(path: coordinator.directory.database)
            _ = try coordinator.retire(value, store: store, force: force)
            print("retired \(value): nodes drop its key and its fingerprints once they fetch the new manifest (seconds)")
        }
    }
}
