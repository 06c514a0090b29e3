import ArgumentParser
import CIICore
import CIIFederation
import Foundation

extension FederationCommand {
    /// `ciid federation trust-ca`: the CA of a member's own PKI, carried by the manifest.
    struct TrustCA: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "trust-ca",
            abstract: "Record the CA of a member's own PKI in the manifest (or remove it): peers trust it for that member only.",
            discussion: """
                For a member whose TLS certificate (server.tls_certificate) comes from its institution's
                PKI instead of the federation CA. Every node then trusts, when it talks to that member,
                the federation CA and this CA; for every other member, the federation CA only.
                """
        )
        @OptionGroup var node: NodeOptions
        @Argument(help: "The member's node id.") var member: String
        @Option(help: "The certificate (PEM) of the CA that issued the member's TLS certificate.") var ca: String?
        @Flag(help: "Remove the member's CA: peers trust only the federation CA for it again.") var remove = false

        func validate() throws {
            guard (ca == nil) == remove else { throw ValidationError("give either --ca FILE.pem or --remove") }
        }

        func run() throws {
            let id = try NodeID(member)
            let coordinator = try FederationCommand.coordinator(node)
            guard let ca else {
                _ = try coordinator.trust(nil, for: id)
                print("removed the CA of \(id); peers trust only the federation CA for it once they fetch the new manifest (seconds)")
                return
            }
            guard let bytes = FileManager.default.contents(atPath: ca) else { throw CLIError("cannot read \(ca): check the path") }
            let memberCA = try MemberCA(pem: String(decoding: bytes, as: UTF8.self), source: ca)
            _ = try coordinator.trust(memberCA, for: id)
            print(
                "peers trust \(memberCA.subjects.joined(separator: "; ")) for \(id) only, once they fetch the new manifest (seconds)"
            )
        }
    }
}
