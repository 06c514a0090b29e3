public import CIIRegistry

/// The profile of the situations announced in the year (chapter 9: "72 % des situations
/// concernent des hommes… moyenne d'âge 42 ans… 60 / 35 / 5 %").
public struct Profile: Sendable, Hashable, Codable {
    /// The situations counted.
    public var situations: Int
    /// Men among them.
    public var men: Rate
    /// Women among them.
    public var women: Rate
    /// The mean age in years on the day of the announcement; nil without situations.
    public var meanAge: Double?
    /// The highest completed education, one line per level.
    public var education: [EducationShare]

    /// Creates a profile.
    public init(situations: Int, men: Rate, women: Rate, meanAge: Double?, education: [EducationShare]) {
        self.situations = situations
        self.men = men
        self.women = women
        self.meanAge = meanAge
        self.education = education
    }
}

/// The situations whose person has `level` as highest education.
public struct EducationShare: Sendable, Hashable, Codable {
    /// The level.
    public var level: EducationLevel
    /// Its situations among all.
    public var rate: Rate

    /// Creates a line.
    public init(level: EducationLevel, rate: Rate) {
        self.level = level
        self.rate = rate
    }
}
