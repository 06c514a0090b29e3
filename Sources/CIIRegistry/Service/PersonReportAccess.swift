public import Foundation

/// One entry of the audit log about a person's cases or the person, as the right-of-access
/// report lists it: who did what, when. The caller reads it from the audit log (the registry
/// does not own the log); it never holds an AVS number.
public struct PersonReportAccess: Sendable, Hashable, Codable {
    /// One detail of the entry (`what=case`, `tab=situation`).
    public struct Detail: Sendable, Hashable, Codable {
        /// The detail's name.
        public var key: String
        /// Its value.
        public var value: String

        /// Creates a detail.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The entry's place in the audit chain.
    public var seq: Int64
    /// When.
    public var time: Date
    /// What: `registry_read`, `registry_change`…
    public var kind: String
    /// Who: `account:12 (name)`, `cli`.
    public var actor: String
    /// Whom or what it concerned: `case:12`, `person:3`.
    public var subject: String?
    /// How it ended: `ok`, `requested`, `refused`…
    public var outcome: String
    /// The details.
    public var details: [Detail]

    /// Creates an entry.
    public init(seq: Int64, time: Date, kind: String, actor: String, subject: String?, outcome: String, details: [Detail]) {
        self.seq = seq
        self.time = time
        self.kind = kind
        self.actor = actor
        self.subject = subject
        self.outcome = outcome
        self.details = details
    }
}
