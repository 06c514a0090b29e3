public import CIICore

/// An entry of the collaborator directory the bureau keeps. Registry accounts are linked to their
/// entry; the CII respondents are the entries with the function ``CIIFunction/respondent``.
public struct Collaborator: Sendable, Hashable, Codable {
    /// The entry's id (0 before it is stored).
    public var id: Int64
    /// Full name.
    public var name: String
    /// The dispositif they work for.
    public var dispositif: Dispositif
    /// Their region.
    public var region: Region
    /// Phone number.
    public var phone: String
    /// E-mail address.
    public var email: String
    /// Their CII function.
    public var function: CIIFunction

    /// Creates an entry.
    public init(id: Int64 = 0, name: String, dispositif: Dispositif, region: Region, phone: String, email: String, function: CIIFunction) {
        self.id = id
        self.name = name
        self.dispositif = dispositif
        self.region = region
        self.phone = phone
        self.email = email
        self.function = function
    }

    /// Whether the entry is one of the CII respondents (the directory members are served).
    public var isRespondent: Bool { function == .respondent }
}
