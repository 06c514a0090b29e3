public import CIICore
import CIIStore
public import Foundation

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
    /// The person's fingerprint: never shown, written to the audit log when the alert is listed.
    public var fingerprint: Fingerprint

    init(_ event: OverlapEvent) {
        id = event.id
        origin = event.origin
        dispositif = event.dispositif
        theirLastFollowUp = event.theirLastFollowUp
        caseworker = event.caseworker
        reference = event.reference
        recordedAt = event.recordedAt
        readAt = event.readAt
        fingerprint = event.fingerprint
    }
}
