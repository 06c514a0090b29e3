public import CIICore
public import CIIStore
import Foundation
import Sodium

extension Coordinator {
    /// Retires `epoch`: publishes a manifest without its sealed keys. Every node, on fetching it,
    /// drops that epoch's key and every row under it (replica, own set, change log).
    ///
    /// The coordinator's replica shows which epochs each member still publishes. Retiring an epoch
    /// that a member still publishes drops that member's set everywhere until its next import
    /// (which fingerprints under the current key), so it is refused unless `force` is set.
    /// - Parameters:
    ///   - store: the coordinator's own database: its replica is read, then dropped of that epoch.
    /// - Throws: ``EpochRetirementError`` for the current or an unknown epoch, or one still published.
    public func retire(_ epoch: Epoch, store: NodeStore, force: Bool = false) throws -> SignedManifest {
        let keys = FederationKeyStore(directory: directory)
        // An epoch still in the published manifest is known even when a retirement stopped after removing its key.
        let known = Set(try keys.keys().map(\.epoch) + (try publishedManifest()?.epochs.compactMap { Epoch($0.epoch) } ?? []))
        let list = known.sorted().map { "\($0.number)" }.joined(separator: ", ")
        guard let current = known.max() else { throw EpochRetirementError("this federation has no epoch yet; nothing was changed") }
        guard known.contains(epoch) else {
            throw EpochRetirementError("\(epoch) is not an epoch of this federation (its epochs: \(list)); nothing was changed")
        }
        guard epoch != current else {
            throw EpochRetirementError(
                "\(epoch) is the current epoch: every node fingerprints its imports under it. Start the next one first (`ciid federation rotate`), let every node import once, then retire this one"
            )
        }
        let publishing = try store.replicaCountsByEpoch().compactMap { origin, counts in counts[epoch].map { "\(origin) (\($0))" } }.sorted()
        if !publishing.isEmpty, !force {
            throw EpochRetirementError(
                "members still publish fingerprints of \(epoch), as this coordinator's replica shows: \(publishing.joined(separator: ", ")). Retiring it now drops their sets everywhere until they import again. Ask their administrators to run `ciid import` (it fingerprints under epoch \(current.number)) and retire once `ciid status` here shows no entry of \(epoch); or pass --force"
            )
        }
        try store.dropEpoch(epoch)
        try keys.remove(epoch)
        return try publish()
    }

    /// The manifest last published, if any.
    func publishedManifest() throws -> Manifest? {
        guard let bytes = try? SecureFile.read(manifestPath) else { return nil }
        let identity = try NodeIdentity.load(from: directory)
        return try SignedManifest(json: bytes).verified(coordinatorKey: identity.signing.publicKey)
    }
}
