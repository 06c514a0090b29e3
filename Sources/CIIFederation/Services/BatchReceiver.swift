public import CIICore
public import CIIStore

/// Receives a sealed batch: opens it, checks it against the current manifest, applies it.
public struct BatchReceiver: Sendable {
    /// The node's view of the federation.
    public let state: FederationState
    /// The node's database.
    public let store: NodeStore

    /// Creates a receiver.
    public init(state: FederationState, store: NodeStore) {
        self.state = state
        self.store = store
    }

    /// Opens, verifies and applies `sealed`.
    /// - Throws: ``FederationError`` for anything refused (nothing is applied then), ``StoreError`` when the database fails.
    public func receive(_ sealed: [UInt8]) throws -> BatchOutcome {
        do {
            guard let manifest = state.manifest else { throw FederationError(.notAMember, "this node has no manifest yet") }
            let batch = try BatchSeal.open(sealed, box: state.identity.box, node: state.node, signingKey: { manifest.signingKey(of: $0) })
            let outcome = try apply(batch)
            if case .applied = outcome { FederationMetrics.received(origin: batch.origin, bytes: sealed.count, changes: batch.changes.count) }
            return outcome
        } catch let error as FederationError {
            FederationMetrics.refused(error.code)
            throw error
        }
    }

    /// Checks an opened, verified batch against the current manifest and applies it.
    public func apply(_ batch: Batch) throws -> BatchOutcome {
        guard let manifest = state.manifest else { throw FederationError(.notAMember, "this node has no manifest yet") }
        guard let member = manifest.member(batch.origin), member.role == .dispositif, member.dispositif == batch.dispositif else {
            throw FederationError(.notAMember, "\(batch.origin) does not publish for \(batch.dispositif.rawValue) in manifest \(manifest.version)")
        }
        let epochs = Set(manifest.epochs.map(\.epoch))
        if let foreign = batch.changes.first(where: { !epochs.contains($0.epoch.number) }) {
            throw FederationError(.unknownEpoch, "a change is of \(foreign.epoch), which manifest \(manifest.version) does not list")
        }
        return try store.applyBatch(
            origin: batch.origin,
            dispositif: batch.dispositif,
            after: batch.after,
            through: batch.through,
            changes: batch.changes.map { ReplicaChange(fingerprint: $0.fingerprint, epoch: $0.epoch, lastOn: $0.kind == .upsert ? $0.lastOn : nil) },
            reset: batch.reset,
            // A run shorter than a full batch ends at the origin's last sequence (NodeStore.changeRun).
            reachesEnd: batch.changes.count < Batch.maximumChanges
        )
    }
}
