public import CIICore

/// One person this node's institution follows, as the node keeps it: a fingerprint, never the AVS number.
public struct OwnFollowUp: Sendable, Hashable {
    /// The fingerprint of the person's AVS number.
    public var fingerprint: Fingerprint
    /// The epoch of the fingerprint.
    public var epoch: Epoch
    /// The day the follow-up started.
    public var startedOn: Day
    /// The day of the last follow-up (today for an ongoing one).
    public var lastOn: Day
    /// The institution's identifier of the caseworker in charge, if the import named one.
    public var caseworker: String?
    /// The institution's own dossier or case number, if the import named one: local like the
    /// caseworker, never published, and never an AVS number (the importer refuses those).
    public var reference: String?

    /// Creates a follow-up.
    public init(fingerprint: Fingerprint, epoch: Epoch, startedOn: Day, lastOn: Day, caseworker: String? = nil, reference: String? = nil) {
        self.fingerprint = fingerprint
        self.epoch = epoch
        self.startedOn = startedOn
        self.lastOn = lastOn
        self.caseworker = caseworker
        self.reference = reference
    }
}

/// What an import brought, for the import history.
public struct ImportRecord: Sendable {
    /// Where the snapshot came from (a file name, `api`).
    public var source: String
    /// Data rows read.
    public var rowsRead: Int
    /// Rows refused.
    public var rowsRejected: Int

    /// Creates a record.
    public init(source: String, rowsRead: Int, rowsRejected: Int) {
        self.source = source
        self.rowsRead = rowsRead
        self.rowsRejected = rowsRejected
    }
}

/// What applying a snapshot changed.
public struct SnapshotSummary: Sendable, Hashable, Codable {
    /// People in the snapshot.
    public var people: Int
    /// People added, or whose last follow-up changed: published as upserts.
    public var upserted: Int
    /// People no longer in the snapshot: published as retractions.
    public var retracted: Int
    /// People whose published data did not change.
    public var unchanged: Int
    /// The first and last change-log sequence written, if any.
    public var firstSequence: Int64?
    /// The last change-log sequence written, if any.
    public var lastSequence: Int64?
}
