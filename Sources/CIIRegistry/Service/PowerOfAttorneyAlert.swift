public import CIICore

/// An open case whose power of attorney has expired or expires within 30 days.
public struct PowerOfAttorneyAlert: Sendable, Hashable, Codable {
    /// The case.
    public var caseID: Int64
    /// Surname.
    public var surname: String
    /// First name.
    public var firstName: String
    /// Region.
    public var region: Region
    /// The latest power of attorney's expiry.
    public var expiry: Day
    /// Expired or expiring soon.
    public var status: PowerOfAttorneyStatus
    /// The designation of the power of attorney's document.
    public var designation: String

    /// Creates an alert.
    public init(
        caseID: Int64,
        surname: String,
        firstName: String,
        region: Region,
        expiry: Day,
        status: PowerOfAttorneyStatus,
        designation: String = ""
    ) {
        self.caseID = caseID
        self.surname = surname
        self.firstName = firstName
        self.region = region
        self.expiry = expiry
        self.status = status
        self.designation = designation
    }
}
