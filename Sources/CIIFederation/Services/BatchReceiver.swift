public import CIICore
public import CIIStore

/// Receives a sealed batch: opens it, checks it against the current manifest, applies it, on
/// the node's ``StoreWriter`` when it has one (`ciid serve`): the caller's thread only waits, so
/// the threads that answer HTTP keep answering checks during a resync.
public struct BatchReceiver: Sendable {
    /// The node's view of the federation.
    public let state: FederationState
    /// The node's database.
    public let store: NodeStore
    /// The thread that applies batches; nil applies them on the caller's thread.
    public let writer: StoreWriter?

    /// Creates a receiver.
    public init(state: FederationState, store: NodeStore, writer: StoreWriter? = nil) {
        self.state = state
        self.store = store
        self.writer = writer
    }

    /// Opens, verifies and applies `sealed`, sent by `caller` (the member that signed the request):
    /// a batch is accepted only from its origin, so a member cannot relay another's batches.
    /// - Throws: ``FederationError`` for anything refused (nothing is applied then), ``StoreError`` when the database fails.
    public func receive(_ sealed: [UInt8], from caller: NodeID) async throws -> BatchOutcome {
        guard let writer else { return try receiveHere(sealed, from: caller) }
        return try await writer.perform { try receiveHere(sealed, from: caller) }
    }

    /// Checks an opened, verified batch against the current manifest and applies it (on the writer, if any).
    public func apply(_ batch: Batch) async throws -> BatchOutcome {
        guard let writer else { return try applyHere(batch) }
        return try await writer.perform { try applyHere(batch) }
    }

    private func receiveHere(_ sealed: [UInt8], from caller: NodeID) throws -> BatchOutcome {
        do {
            guard let manifest = state.manifest else { throw FederationError(.notAMember, "this node has no manifest yet") }
            let batch = try BatchSeal.open(sealed, box: state.identity.box, node: state.node, signingKey: { manifest.signingKey(of: $0) })
            guard batch.origin == caller else {
                throw FederationError(.notAMember, "\(caller) sent a batch of \(batch.origin): a member sends only its own batches")
            }
            let outcome = try applyHere(batch)
            if case .applied = outcome { FederationMetrics.received(origin: batch.origin, bytes: sealed.count, changes: batch.changes.count) }
            return outcome
        } catch let error as FederationError {
            FederationMetrics.refused(error.code)
            throw error
        }
    }

    private func applyHere(_ batch: Batch) throws -> BatchOutcome {
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
            generation: batch.generation,
            reachesEnd: batch.reachesEnd
        )
    }
}
