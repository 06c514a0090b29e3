public import CIICore

/// What the annual report reads of one case period: its announcement, services and scores, and
/// the person's sex, education and date of birth. No name, no AVS number, no free text: the
/// report counts, it names nobody. `personID` only tells two case periods of one person apart.
public struct ReportCase: Sendable, Hashable {
    /// The case's id.
    public var caseID: Int64
    /// The person's id in the store.
    public var personID: Int64
    /// Tab "Dispositifs annonceurs".
    public var announcement: Announcement
    /// The person's date of birth.
    public var birthDate: Day
    /// The person's sex.
    public var sex: Sex
    /// The person's education.
    public var education: EducationLevel
    /// The gravity index that counts (the bureau's when reviewed), if scored.
    public var gravity: GravityIndex?
    /// How many risk factors the situation tab ticks.
    public var riskFactors: Int
    /// Tab "Prestations".
    public var services: [CaseService]

    /// Creates a line.
    public init(
        caseID: Int64,
        personID: Int64,
        announcement: Announcement,
        birthDate: Day,
        sex: Sex,
        education: EducationLevel,
        gravity: GravityIndex?,
        riskFactors: Int,
        services: [CaseService]
    ) {
        self.caseID = caseID
        self.personID = personID
        self.announcement = announcement
        self.birthDate = birthDate
        self.sex = sex
        self.education = education
        self.gravity = gravity
        self.riskFactors = riskFactors
        self.services = services
    }
}
