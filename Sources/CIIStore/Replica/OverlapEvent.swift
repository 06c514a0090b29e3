public import CIICore
public import Foundation
import GRDB

/// A peer holds one of this node's own people: they first appeared in its set (or reappeared
/// after a retraction). An alert, or an existing overlap when found at the first sync with that peer.
public struct OverlapEvent: Sendable, Hashable {
    /// The event's number.
    public var id: Int64
    /// The peer node.
    public var origin: String
    /// The peer's dispositif.
    public var dispositif: Dispositif
    /// The peer's last follow-up day.
    public var theirLastFollowUp: Day
    /// The local caseworker the import named for this person, if any.
    public var caseworker: String?
    /// The institution's own dossier reference the import gave for this person, if any (never an AVS number).
    public var reference: String?
    /// When the event was recorded.
    public var recordedAt: Date
    /// The fingerprint (never shown to people; lets a caseworker's own system find the person).
    public var fingerprint: Fingerprint
    /// Found at the first sync with the peer (listed as already known), not an alert.
    public var existing: Bool
    /// When a caseworker marked it read, if one did.
    public var readAt: Date?
}

extension NodeStore {
    /// The columns ``OverlapEvent/init(row:)`` reads, in its order.
    static let overlapColumns = "id, origin, dispositif, their_last_on, caseworker, recorded_at, fingerprint, reference, existing, read_at"

    /// The overlap alerts, or with `existing` the overlaps found at a first sync, newest first, at most `limit`.
    public func overlapEvents(limit: Int = 100, existing: Bool = false) throws(StoreError) -> [OverlapEvent] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.overlapColumns) FROM overlap_event WHERE existing = ? ORDER BY id DESC LIMIT ?",
                arguments: [existing, limit]
            ).map(OverlapEvent.init(row:))
        }
    }
}

extension OverlapEvent {
    /// An event from a row of ``NodeStore/overlapColumns``.
    init(row: Row) {
        self.init(
            id: row[0],
            origin: row[1],
            dispositif: Dispositif(rawValue: row[2]) ?? .orp,
            theirLastFollowUp: row[3],
            caseworker: row[4],
            reference: row[7],
            recordedAt: Date(timeIntervalSince1970: Double(row[5] as Int64)),
            fingerprint: row[6],
            existing: row[8],
            readAt: (row[9] as Int64?).map { Date(timeIntervalSince1970: Double($0)) }
        )
    }
}
