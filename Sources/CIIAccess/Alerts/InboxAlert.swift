public import CIICore
import CIIStore
public import Foundation
import GRDB

/// One overlap as a caseworker sees it (an alert, or an existing overlap): another dispositif
/// follows one of their people.
public struct InboxAlert: Sendable, Hashable, Identifiable {
    /// The alert's number.
    public var id: Int64
    /// The other node.
    public var origin: String
    /// The other dispositif.
    public var dispositif: Dispositif
    /// Its last follow-up of the person.
    public var theirLastFollowUp: Day
    /// The local caseworker the import named, if any.
    public var caseworker: String?
    /// The institution's own dossier reference the import gave, if any (never an AVS number).
    public var reference: String?
    /// When this node learnt it.
    public var recordedAt: Date
    /// When it was read, if it was.
    public var readAt: Date?

    init(row: Row) {
        id = row[0]
        origin = row[1]
        dispositif = Dispositif(rawValue: row[2]) ?? .orp
        theirLastFollowUp = row[3]
        caseworker = row[4]
        recordedAt = Date(timeIntervalSince1970: Double(row[5] as Int64))
        readAt = (row[6] as Int64?).map { Date(timeIntervalSince1970: Double($0)) }
        reference = row[7]
    }
}
