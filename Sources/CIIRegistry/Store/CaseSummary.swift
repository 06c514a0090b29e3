public import CIICore

/// One result of a search: a case period and whom it is about.
public struct CaseSummary: Sendable, Hashable, Codable {
    /// The case.
    public var caseID: Int64
    /// The person.
    public var personID: Int64
    /// Surname.
    public var surname: String
    /// First name.
    public var firstName: String
    /// Birth date.
    public var birthDate: Day
    /// Region.
    public var region: Region
    /// The announcing dispositif.
    public var dispositif: Dispositif
    /// When the case was announced.
    public var announcedOn: Day
    /// Its status.
    public var status: CaseStatus

    /// Creates a summary.
    public init(
        caseID: Int64,
        personID: Int64,
        surname: String,
        firstName: String,
        birthDate: Day,
        region: Region,
        dispositif: Dispositif,
        announcedOn: Day,
        status: CaseStatus
    ) {
        self.caseID = caseID
        self.personID = personID
        self.surname = surname
        self.firstName = firstName
        self.birthDate = birthDate
        self.region = region
        self.dispositif = dispositif
        self.announcedOn = announcedOn
        self.status = status
    }
}
