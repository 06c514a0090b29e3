public import CIICore

/// The answer to "has another dispositif known this person in the window?".
public struct CheckAnswer: Sendable, Hashable {
    /// One other institution that followed the person inside the window.
    public struct Match: Sendable, Hashable {
        /// Its dispositif.
        public var dispositif: Dispositif
        /// Its node.
        public var node: String
        /// Its last follow-up of the person.
        public var lastFollowUp: Day

        /// Creates a match.
        public init(dispositif: Dispositif, node: String, lastFollowUp: Day) {
            self.dispositif = dispositif
            self.node = node
            self.lastFollowUp = lastFollowUp
        }
    }

    /// The other institutions, ordered by dispositif code then node; empty when nobody else knows the person.
    public var matches: [Match]
    /// Whether the node's own set (its last import) holds the person.
    public var followedHere: Bool
    /// The window used.
    public var window: RetentionWindow
    /// The oldest last follow-up day that still counted.
    public var windowStart: Day
    /// The day of the check.
    public var checkedOn: Day
    /// The fingerprint looked up (current epoch), for the audit log. Never shown to people.
    public var fingerprint: Fingerprint

    /// Creates an answer.
    public init(matches: [Match], followedHere: Bool, window: RetentionWindow, windowStart: Day, checkedOn: Day, fingerprint: Fingerprint) {
        self.matches = matches
        self.followedHere = followedHere
        self.window = window
        self.windowStart = windowStart
        self.checkedOn = checkedOn
        self.fingerprint = fingerprint
    }
}
