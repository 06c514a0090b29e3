import ArgumentParser
import CIICore
import CIIFederation
import CIIStore
import Foundation
import Sodium

/// `ciid init`: creates a node's data folder, configuration, keys, TLS pair and database.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new node: configuration, key pairs, development TLS certificate, database."
    )

    @OptionGroup var node: NodeOptions

    @Option(help: "dispositif (one per institution) or coordinator (one per federation).")
    var role: String = "dispositif"

    @Option(help: "The institution served: ORP, CMS, OAI, OSP, OASI or T1 (dispositif role).")
    var dispositif: String?

    @Option(name: .customLong("node-id"), help: "The node's name in the federation, such as orp-vs.")
    var nodeID: String

    @Option(help: "Address and port of the HTTPS server.")
    var listen: String = "127.0.0.1:8443"

    @Option(help: "Address and port of the federation's members-only HTTPS listener (default: the listen host, listen port + 1).")
    var federationListen: String?

    @Option(help: "Coordinator: the HTTPS URL nodes reach it at (default: https://NODE-ID.localhost:PORT, for a federation on one machine).")
    var endpoint: String?

    @Option(help: "Coordinator: the HTTPS URL members reach its federation listener at (default: the endpoint's host, federation port).")
    var federationEndpoint: String?

    func run() throws {
        let directory = try node.directory()
        guard let role = NodeRole(rawValue: role) else { throw ValidationError("--role is dispositif or coordinator, not '\(role)'") }
        let id: NodeID
        do { id = try NodeID(nodeID) } catch { throw ValidationError("--node-id: \(error.reason)") }
        var code: Dispositif?
        if let dispositif {
            do { code = try Dispositif(code: dispositif) } catch { throw ValidationError(error.description) }
        }
        if role == .dispositif, code == nil { throw ValidationError("a dispositif node needs --dispositif (ORP, CMS, OAI, OSP, OASI or T1)") }
        for existing in [directory.configuration, directory.database, directory.signingKey, directory.federationKeys]
        where FileManager.default.fileExists(atPath: existing) {
            throw CLIError("\(directory.root) already holds a node (\(existing) exists); nothing was changed")
        }

        let today = Day.today()
        var configuration = NodeConfiguration(role: role, id: id, dispositif: code)
        let file = "--listen"
        let serverSection = "listen = \(listen)\n" + (federationListen.map { "federation_listen = \($0)\n" } ?? "")
        let parsed = try NodeConfiguration(
            parsing: "[node]\nrole = dispositif\nid = x\ndispositif = ORP\n[server]\n\(serverSection)",
            file: federationListen == nil ? file : "--listen/--federation-listen"
        )
        configuration.listenHost = parsed.listenHost
        configuration.listenPort = parsed.listenPort
        configuration.federationListenHost = parsed.federationListenHost
        configuration.federationListenPort = parsed.federationListenPort
        if role == .coordinator, endpoint == nil || federationEndpoint == nil {
            // Checked before anything is written.
            _ = try JoinRequestCommand.defaultFederationEndpoint(
                endpoint: endpoint ?? JoinRequestCommand.defaultEndpoint(configuration),
                configuration: configuration
            )
        }

        try SecureFile.makeDirectory(directory.root)
        _ = try NodeIdentity.create(in: directory)
        try SecureFile.makeDirectory(directory.tls)
        let authority = try CertificateAuthority.make(name: "ciid development CA for \(id)")
        var hosts = ["localhost", "\(id.rawValue).localhost", "127.0.0.1", "::1", id.rawValue]
        if !hosts.contains(configuration.listenHost), !["0.0.0.0", "::"].contains(configuration.listenHost) {
            hosts.append(configuration.listenHost)
        }
        let server = try authority.issueServerCertificate(commonName: id.rawValue, hosts: hosts)
        try SecureFile.write(Array(authority.caCertificatePEM.utf8), to: "\(directory.tls)/ca.crt", mode: 0o644)
        try SecureFile.write(
            Array((server.certificate + authority.caCertificatePEM).utf8),
            to: directory.resolve(configuration.tlsCertificate),
            mode: 0o644
        )
        try SecureFile.write(Array(server.key.utf8), to: directory.resolve(configuration.tlsKey))
        try SecureFile.write(Array(configuration.rendered(createdOn: today).utf8), to: directory.configuration, mode: 0o600, overwrite: false)
        _ = try NodeStore(path: directory.database)
        var certificateLine = "development TLS certificate for \(hosts.joined(separator: ", ")), signed by tls/ca.crt"
        if role == .coordinator {
            let url = endpoint ?? JoinRequestCommand.defaultEndpoint(configuration)
            let federationURL = try federationEndpoint ?? JoinRequestCommand.defaultFederationEndpoint(endpoint: url, configuration: configuration)
            let signed = try Coordinator(directory: directory, configuration: configuration).create(endpoint: url, federationEndpoint: federationURL)
            let manifest = try signed.verified(coordinatorKey: try NodeIdentity.load(from: directory).signing.publicKey)
            let names = manifest.member(id).map { JoinRequestCommand.hosts(of: $0) } ?? []
            certificateLine = "TLS certificate for \(names.joined(separator: ", ")), issued by the federation CA (tls/ca.crt)"
            print(
                """
                Created the federation: CA in federation/, epoch 1 key, manifest version \(manifest.version).
                  endpoint                       \(url)
                  federation endpoint            \(federationURL)
                  coordinator key (Ed25519)      \(KeyFingerprint.of(try NodeIdentity.load(from: directory).signing.publicKey))
                """
            )
        }

        print(
            """
            Created \(role.rawValue) node \(id)\(code.map { " (\($0.rawValue))" } ?? "") in \(directory.root):
              ciid.conf            configuration (read it: every setting is explained)
              keys/                Ed25519 and X25519 key pairs (secret keys 0600)
              tls/node.crt, .key   \(certificateLine)
              node.sqlite          database
            Next: give the node a federation key (`ciid keys import FILE`, or `ciid keys generate` for development),
            then `ciid import FILE` and `ciid check AVS` or `ciid serve`.
            """
        )
    }
}
