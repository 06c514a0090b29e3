import ArgumentParser
import CIICore
import CIIFederation
import CIIStore
import Foundation

/// `ciid join-request`: what the coordinator needs to admit this node, signed by its key.
struct JoinRequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join-request",
        abstract: "Write this node's signed join request for the coordinator, and print its key fingerprints.",
        discussion: """
            The certificate the coordinator issues names the hosts of the two endpoints, and nothing else: give the \\
            names peers and browsers reach this node by.
            """
    )
    @OptionGroup var node: NodeOptions
    @Option(help: "The HTTPS URL caseworkers and the coordinator reach this node at (default: https://NODE-ID.localhost:PORT, one machine).")
    var endpoint: String?
    @Option(help: "The HTTPS URL peers reach this node's federation listener at (default: the endpoint's host, port of server.federation_listen).")
    var federationEndpoint: String?
    @Option(name: .shortAndLong, help: "The file to write.") var output: String

    func run() throws {
        let (directory, configuration) = try node.load()
        let url = endpoint ?? Self.defaultEndpoint(configuration)
        let federationURL = try federationEndpoint ?? Self.defaultFederationEndpoint(endpoint: url, configuration: configuration)
        let request = try JoinRequest.make(directory: directory, configuration: configuration, endpoint: url, federationEndpoint: federationURL)
        try SecureFile.write(request.json, to: output, mode: 0o644, overwrite: true)
        print(
            """
            wrote \(output), signed by this node's key:
              node                           \(request.id)
              endpoint                       \(request.endpoint)
              federation endpoint            \(request.federationEndpoint)
              node signing key (Ed25519)     \(request.signingKeyFingerprint)
              node box key (X25519)          \(request.boxKeyFingerprint)
            Give it to the coordinator (`ciid federation admit \(output) --output admission.json`), and read these two
            fingerprints to its administrator by phone or in person: `admit` prints them too.
            """
        )
    }

    /// `https://NODE-ID.localhost:PORT`: a name of its own on loopback (libcurl and browsers resolve
    /// `*.localhost` there), so that no two nodes of a federation on one machine share a host name.
    static func defaultEndpoint(_ configuration: NodeConfiguration) -> String {
        "https://\(configuration.id.rawValue).localhost:\(configuration.listenPort)"
    }

    /// The host of `endpoint` with the port of `server.federation_listen`.
    static func defaultFederationEndpoint(endpoint: String, configuration: NodeConfiguration) throws -> String {
        guard endpoint.hasPrefix("https://"), let host = URLComponents(string: endpoint)?.host, !host.isEmpty else {
            throw ValidationError("--endpoint must be an https:// URL with a host name, not `\(endpoint)`")
        }
        guard configuration.federationListenPort != 0 else {
            throw ValidationError("server.federation_listen has port 0 (any free port): give --federation-endpoint with the port peers reach")
        }
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "https://\(name):\(configuration.federationListenPort)"
    }

    /// The hosts of a member's endpoint and federation endpoint (what its certificate names).
    static func hosts(of member: Manifest.Member) -> [String] {
        var hosts: [String] = []
        for url in [member.endpoint, member.federationEndpoint].compactMap({ $0 }) {
            if let host = URLComponents(string: url)?.host, !hosts.contains(host) { hosts.append(host) }
        }
        return hosts
    }
}
