public import CIICore

/// The tab "Dispositifs annonceurs": who announced the case, where, when, and what they ask for.
/// (The gravity index the manual shows here is the bureau's: see ``GravityScore``.)
public struct Announcement: Sendable, Hashable, Codable {
    /// The region.
    public var region: Region
    /// The service the announcing dispositif asks for.
    public var requestedService: ServiceType?
    /// When the case was announced.
    public var announcedOn: Day
    /// When the file went to the bureau (the regional coordinator).
    public var announcedToBureauOn: Day?
    /// Since when the announcing dispositif follows the person.
    public var followedSince: Day?
    /// Adult or youth.
    public var ageGroup: AgeGroup
    /// The announcing dispositif.
    public var dispositif: Dispositif

    /// Creates the tab.
    public init(
        region: Region,
        requestedService: ServiceType? = nil,
        announcedOn: Day,
        announcedToBureauOn: Day? = nil,
        followedSince: Day? = nil,
        ageGroup: AgeGroup,
        dispositif: Dispositif
    ) {
        self.region = region
        self.requestedService = requestedService
        self.announcedOn = announcedOn
        self.announcedToBureauOn = announcedToBureauOn
        self.followedSince = followedSince
        self.ageGroup = ageGroup
        self.dispositif = dispositif
    }
}
