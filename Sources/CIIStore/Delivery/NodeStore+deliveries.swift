public import CIICore
public import Foundation
import GRDB

extension NodeStore {
    /// The delivery state of every peer the publisher has tried.
    public func deliveries() throws(StoreError) -> [PeerDelivery] {
        try read { db in try DeliveryLedger.all(db) }
    }

    /// Records a delivery attempt to `peer`: what was sent, its acknowledged sequence on success, the error otherwise.
    public func recordDelivery(peer: NodeID, sent: Int64? = nil, acknowledged: Int64?, error: String?, now: Date = Date()) throws(StoreError) {
        let at = Int64(now.timeIntervalSince1970)
        try write { db in try DeliveryLedger.record(db, peer: peer.rawValue, sent: sent, acknowledged: acknowledged, error: error, at: at) }
    }
}
