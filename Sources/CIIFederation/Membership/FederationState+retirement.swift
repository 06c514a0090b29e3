import CIICore
import CIIStore
import Logging

extension FederationState {
    /// Forgets every epoch older than the newest one of `manifest` that this node holds (in its
    /// key store, or in its current manifest) but `manifest` no longer lists: its rows in `store`
    /// first, then its key, so that a crash between the two is finished by the next fetch.
    ///
    /// Own follow-ups still under such an epoch (no import since the rotation) are dropped with a
    /// warning: the node's next import fingerprints them under the current key and publishes them.
    func retireEpochs(absentFrom manifest: Manifest, keyStore: FederationKeyStore, store: NodeStore, logger: Logger) throws {
        let listed = Set(manifest.epochs.map(\.epoch))
        guard let newest = listed.max() else { return }  // never leave a node without a key
        let held = Set(try keyStore.keys().map(\.epoch.number)).union(self.manifest?.epochs.map(\.epoch) ?? [])
        for number in held.subtracting(listed).sorted() where number < newest {
            guard let epoch = Epoch(number) else { continue }
            let dropped = try store.dropEpoch(epoch)
            try keyStore.remove(epoch)
            logger.notice(
                "\(epoch) is retired: dropped its key, \(dropped.replicaEntries) replica entries and \(dropped.changes) change-log entries"
            )
            if dropped.ownFollowUps > 0 {
                logger.warning(
                    "\(dropped.ownFollowUps) own follow-ups were still under retired \(epoch) (no import since the rotation): peers no longer hold them; import the current export now, it fingerprints them under epoch \(newest)"
                )
            }
        }
    }
}
