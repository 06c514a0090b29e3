/// Every figure of the annual report of one year that the registry and the federation can know.
/// Counts only: the value a snapshot keeps, and what the renderers show.
public struct AnnualFigures: Sendable, Hashable, Codable {
    /// The year.
    public var year: Int
    /// Situations announced, adults and youth.
    public var situations: SituationCounts
    /// Chapter 9's table, one per age group (adults first).
    public var tables: [OriginTable]
    /// People per service type.
    public var services: [ServiceCount]
    /// Sex, age and education of the situations.
    public var profile: Profile
    /// Mean gravity index and mean number of risk factors.
    public var gravity: GravityFigures
    /// Coachings ORP-CMS closed in the year, and those of them that ended reintegrated.
    public var reintegration: Rate
    /// Situations whose dates are known, and those of them announced to the bureau less than six
    /// months after the start of the follow-up.
    public var earlyDetection: Rate
    /// Simultaneous follow-up from the replica; nil when the coordinator held no replica for it.
    public var simultaneous: SimultaneousFollowUp?
    /// Participants of trainings and regional days.
    public var trainings: TrainingFigures

    /// Creates the figures.
    public init(
        year: Int,
        situations: SituationCounts,
        tables: [OriginTable],
        services: [ServiceCount],
        profile: Profile,
        gravity: GravityFigures,
        reintegration: Rate,
        earlyDetection: Rate,
        simultaneous: SimultaneousFollowUp?,
        trainings: TrainingFigures
    ) {
        self.year = year
        self.situations = situations
        self.tables = tables
        self.services = services
        self.profile = profile
        self.gravity = gravity
        self.reintegration = reintegration
        self.earlyDetection = earlyDetection
        self.simultaneous = simultaneous
        self.trainings = trainings
    }

    /// Whether the registry held anything of the year: a situation announced or a training held.
    var holdsAnything: Bool { situations.total > 0 || trainings.kinds.contains { $0.events > 0 } }
}
