import CIICore

/// One entry of the replica as ``NodeStore/scanReplica(_:_:)`` reads it for the index.
struct ReplicaScanRow {
    var fingerprint: Fingerprint
    var origin: String
    var dispositif: String
    var epoch: UInt32
    var lastOn: Int32
}
