public import CIICore
import CIIStore
import Foundation

extension FederationState {
    /// The CA file to trust when talking to `member`: the federation CA, or, for a member whose
    /// manifest entry carries a CA of its own PKI, a bundle of the federation CA and that CA
    /// written for this member alone, so that a CA listed for one member never vouches for
    /// another member's endpoint.
    public func caFile(for member: NodeID) -> String {
        guard manifest?.member(member)?.caCertificate != nil else { return caFile }
        let bundle = bundlePath(of: member)
        return FileManager.default.fileExists(atPath: bundle) ? bundle : caFile
    }

    func bundlePath(of member: NodeID) -> String { "\(peerBundles)/\(member.rawValue).pem" }

    /// Writes `federation/peers/ID.pem` (the federation CA, then the member's CA; mode 0644, as
    /// certificates are public) for every member of `manifest` with a CA of its own, and removes
    /// the bundles of the others.
    func writePeerBundles(for manifest: Manifest) throws {
        let files = FileManager.default
        let members = manifest.members.filter { $0.caCertificate != nil }
        guard !members.isEmpty || files.fileExists(atPath: peerBundles) else { return }
        try SecureFile.makeDirectory(peerBundles)
        var federationCA = String(decoding: try SecureFile.read(caFile), as: UTF8.self)
        if !federationCA.hasSuffix("\n") { federationCA += "\n" }
        var kept: Set<String> = []
        for member in members {
            guard let own = member.caCertificate else { continue }
            kept.insert("\(member.id.rawValue).pem")
            let path = bundlePath(of: member.id)
            let bundle = Array((federationCA + own).utf8)
            if (try? SecureFile.read(path)) != bundle { try SecureFile.write(bundle, to: path, mode: 0o644) }
        }
        for name in (try? files.contentsOfDirectory(atPath: peerBundles)) ?? [] where name.hasSuffix(".pem") && !kept.contains(name) {
            try? files.removeItem(atPath: "\(peerBundles)/\(name)")
        }
    }
}
