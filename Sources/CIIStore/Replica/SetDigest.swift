public import CIICore
import GRDB
import Sodium

/// A summary of a published set that two nodes can compare without exchanging it: the number
/// of entries and the XOR of BLAKE2b-256(fingerprint ‖ epoch ‖ last follow-up) over them, so the
/// order of rows does not matter.
public struct SetDigest: Sendable, Hashable, Codable {
    /// Entries in the set.
    public var count: Int
    /// The combined hash, hexadecimal.
    public var hash: String

    /// Creates a digest.
    public init(count: Int, hash: String) {
        self.count = count
        self.hash = hash
    }

    static func compute(_ rows: RowCursor) throws -> SetDigest {
        var acc: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        var input = [UInt8](repeating: 0, count: 40)
        var output = [UInt8](repeating: 0, count: 32)
        while let row = try rows.next() {
            let fingerprint: Fingerprint = row[0]
            let epoch: Int64 = row[1]
            let last: Int64 = row[2]
            fingerprint.withUnsafeBytes { bytes in for i in 0..<32 { input[i] = bytes[i] } }
            for i in 0..<4 { input[32 + i] = UInt8(truncatingIfNeeded: epoch >> (8 * Int64(i))) }
            for i in 0..<4 { input[36 + i] = UInt8(truncatingIfNeeded: last >> (8 * Int64(i))) }
            input.withUnsafeBytes { message in
                output.withUnsafeMutableBytes { GenericHash.hash(message, key: UnsafeRawBufferPointer(start: nil, count: 0), into: $0) }
            }
            output.withUnsafeBytes { raw in
                acc.0 ^= raw.load(fromByteOffset: 0, as: UInt64.self)
                acc.1 ^= raw.load(fromByteOffset: 8, as: UInt64.self)
                acc.2 ^= raw.load(fromByteOffset: 16, as: UInt64.self)
                acc.3 ^= raw.load(fromByteOffset: 24, as: UInt64.self)
            }
            count += 1
        }
        return SetDigest(count: count, hash: Fingerprint(words: acc).hex)
    }
}

extension NodeStore {
    /// The digest of this node's published set (its own follow-ups last seen on or after `since`)
    /// and the sequence it reflects. Both sides of a comparison use the same `since`, so that
    /// entries the retention sweep dropped on one side only do not count as divergence.
    public func ownDigest(since: Day) throws(StoreError) -> (sequence: Int64, digest: SetDigest) {
        try read { db in
            let sequence = try Self.lastSequence(db)
            let digest = try SetDigest.compute(
                try Row.fetchCursor(db, sql: "SELECT fingerprint, epoch, last_on FROM own_followup WHERE last_on >= ?", arguments: [since])
            )
            return (sequence, digest)
        }
    }

    /// The digest of what the replica holds of `origin` (last seen on or after `since`), and its checkpoint.
    public func replicaDigest(of origin: String, since: Day) throws(StoreError) -> (sequence: Int64, digest: SetDigest) {
        try read { db in
            let sequence = try Int64.fetchOne(db, sql: "SELECT sequence FROM replica_checkpoint WHERE origin = ?", arguments: [origin]) ?? 0
            let digest = try SetDigest.compute(
                try Row.fetchCursor(
                    db,
                    sql: "SELECT fingerprint, epoch, last_on FROM replica WHERE origin = ? AND last_on >= ?",
                    arguments: [origin, since]
                )
            )
            return (sequence, digest)
        }
    }
}
