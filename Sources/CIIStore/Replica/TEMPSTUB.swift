// TEMPORARY stub until the store branch lands.
public import CIICore
import Foundation
extension NodeStore {
    public func nextResetGeneration() throws(StoreError) -> UInt64 { 1 }
    public func raiseResetGeneration(atLeast: UInt64) throws(StoreError) {}
    public func resetGeneration(of origin: NodeID) throws(StoreError) -> UInt64 { 0 }
    public func applyBatch(
        origin: NodeID, dispositif: Dispositif, after: Int64, through: Int64, changes: [ReplicaChange], reset: Bool, generation: UInt64, reachesEnd: Bool
    ) throws(StoreError) -> BatchOutcome {
        try applyBatch(origin: origin, dispositif: dispositif, after: after, through: through, changes: changes, reset: reset)
    }
}
