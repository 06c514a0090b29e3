public import CIICore

/// The people an import changed, by fingerprint (never an AVS number), for the audit log. The
/// people it left as they were are not listed.
public struct SnapshotChanges: Sendable, Hashable {
    /// People new to the set.
    public var added: [Fingerprint] = []
    /// People whose last follow-up moved (published as upserts).
    public var updated: [Fingerprint] = []
    /// People whose start date, caseworker or reference alone changed (kept locally, not published).
    public var amended: [Fingerprint] = []
    /// People no longer in the export (published as retractions).
    public var retracted: [Fingerprint] = []

    /// Creates an empty list.
    public init() {}

    /// Every changed person with the name of the change: `added`, `updated`, `amended`, `retracted`.
    public var all: [(change: String, fingerprints: [Fingerprint])] {
        [("added", added), ("updated", updated), ("amended", amended), ("retracted", retracted)]
    }
}
