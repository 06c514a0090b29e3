import ArgumentParser
import CIIAudit
import CIICore
import CIIFederation
import CIIStore
import Foundation

/// `ciid status`: what the node holds.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the node's own set, change log, replica and keys.")

    @OptionGroup var node: NodeOptions

    static func time(_ seconds: Int64) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(seconds)))
    }

    /// Whether process `pid` exists (perhaps another user's).
    static func isRunning(_ pid: Int32) -> Bool { pid > 0 && (kill(pid, 0) == 0 || errno == EPERM) }

    func run() throws {
        let (directory, configuration) = try node.load()
        let store = try NodeStore(path: directory.database)
        let keys = try FederationKeyStore(directory: directory).keys()
        print("node          \(configuration.id) (\(configuration.role.rawValue)\(configuration.dispositif.map { ", \($0.rawValue)" } ?? ""))")
        print("data folder   \(directory.root)")
        let exposed = ExposedFile.all(under: directory)
        if exposed.isEmpty {
            print("file modes    every private file and folder is its owner's alone")
        } else {
            print("file modes    \(exposed.count) to fix: only the node's owner may read its data")
            for file in exposed { print("  EXPOSED       \(file.advice)") }
        }
        if let audit = AuditStateFile(directory: AuditLog.directory(of: directory)).read() {
            print("audit         \(audit.running && Self.isRunning(audit.pid) ? audit.description : "the node is not running")")
        }
        print("window        \(configuration.window)")
        print("keys          \(keys.isEmpty ? "none" : keys.map { "\($0.epoch) (id \($0.keyID))" }.joined(separator: ", "))")
        print("own set       \(try store.ownCount()) people")
        print("change log    last sequence \(try store.lastSequence()), last reset generation \(try store.lastResetGeneration())")
        let retired = try store.retiredEpochs()
        if !retired.isEmpty { print("retired       \(retired.map(\.description).joined(separator: ", ")) (keys and fingerprints dropped)") }
        // Per origin and epoch: on the coordinator, the epochs each member still publishes (retire one once no member does).
        let counts = try store.replicaCountsByEpoch()
        print("replica       \(counts.values.flatMap(\.values).reduce(0, +)) fingerprints")
        for (origin, epochs) in counts.sorted(by: { $0.key < $1.key }) {
            let id = try NodeID(origin)
            let checkpoint = (try? store.checkpoint(of: id)) ?? 0
            let byEpoch = epochs.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            let generation = (try? store.resetGeneration(of: id)) ?? 0
            let synced = (try? store.isSynced(with: id)) == true ? "" : ", first exchange not finished (overlaps are listed as existing)"
            print(
                "  \(origin)\t\(epochs.values.reduce(0, +)) fingerprints (\(byEpoch)), holds its changes through \(checkpoint), reset generation \(generation)\(synced)"
            )
        }
        let deliveries = try store.deliveries()
        if !deliveries.isEmpty {
            let head = try store.lastSequence()
            print("peers         (this node's changes as each peer acknowledged them)")
            for peer in deliveries {
                let success = peer.lastSuccess.map { Self.time($0) } ?? "never"
                var line =
                    "  \(peer.peer)\tsent \(peer.sent), acknowledged \(peer.acknowledged), lag \(head - peer.acknowledged), last success \(success)"
                if let error = peer.lastError { line += ", last error (\(peer.failures) in a row): \(error)" }
                print(line)
            }
        }
        let federation = try FederationState.load(directory: directory, node: configuration.id)
        if let manifest = federation?.manifest {
            let epochs = manifest.epochs.map { "\($0.epoch)" }.joined(separator: ", ")
            print(
                "federation    manifest version \(manifest.version), \(manifest.members.count) members, coordinator \(manifest.coordinator), epochs \(epochs)"
            )
            if let expiresAt = manifest.expiresAt {
                if manifest.isExpired() {
                    print(
                        "  EXPIRED       since \(Self.time(expiresAt)): the coordinator has not signed a new manifest; membership changes since may be missing. Check that it runs and that this node reaches it"
                    )
                } else {
                    print("  valid until   \(Self.time(expiresAt)) (the coordinator signs a new one before)")
                }
            }
            for member in manifest.members where member.caCertificate != nil {
                print("  \(member.id)\ttrusted with its own CA beside the federation CA")
            }
            for member in manifest.members where member.federationEndpoint == nil {
                print("  \(member.id)\thas no federation endpoint yet: it joins again (ciid join-request, then admit --replace)")
            }
            if configuration.role == .dispositif {
                if let respondents = RespondentBook.load(directory: directory)?.directory {
                    print(
                        "  respondents   directory version \(respondents.version), \(respondents.entries.count) respondents, signed \(Self.time(respondents.issuedAt))"
                    )
                } else {
                    print("  respondents   no directory yet: check answers name no contacts until the coordinator publishes one")
                }
            }
        } else {
            print("federation    \(federation == nil ? "not joined (ciid join-request, then ciid join)" : "joined; no manifest accepted yet")")
        }
        if let refusal = federation?.lastRefusal {
            let version = refusal.version.map { "version \($0)" } ?? "a manifest"
            print("  REFUSED       \(version) at \(Self.time(refusal.at)) (\(refusal.reason.rawValue)): \(refusal.detail)")
        }
    }
}
