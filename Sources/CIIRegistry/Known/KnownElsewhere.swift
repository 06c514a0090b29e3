public import CIICore

/// A dispositif that knows the person of a case (its set in the coordinator's replica holds
/// them, inside the window), with whom to contact there: the CII respondents of that dispositif
/// in the collaborator directory, those of the case's region first.
public struct KnownElsewhere: Sendable, Hashable, Codable {
    /// A CII respondent of the directory.
    public struct Contact: Sendable, Hashable, Codable {
        /// The directory entry's id.
        public var collaboratorID: Int64
        /// Full name.
        public var name: String
        /// Their region.
        public var region: Region
        /// Phone number (may be empty).
        public var phone: String
        /// E-mail address.
        public var email: String

        /// The contact of a directory entry.
        public init(_ entry: Collaborator) {
            collaboratorID = entry.id
            name = entry.name
            region = entry.region
            phone = entry.phone
            email = entry.email
        }
    }

    /// The dispositif.
    public var dispositif: Dispositif
    /// Its node.
    public var node: String
    /// Its last follow-up of the person, when the lookup gives it.
    public var lastFollowUp: Day?
    /// The respondents to contact there (empty when the directory has none for it).
    public var contacts: [Contact]

    /// Creates an entry.
    public init(dispositif: Dispositif, node: String, lastFollowUp: Day?, contacts: [Contact]) {
        self.dispositif = dispositif
        self.node = node
        self.lastFollowUp = lastFollowUp
        self.contacts = contacts
    }
}
