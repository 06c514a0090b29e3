public import CIICore

/// The annual report of one year: its figures, and the previous year's beside them when the
/// registry holds them.
public struct AnnualReport: Sendable, Hashable, Codable {
    /// The year reported on.
    public var year: Int
    /// The day the report was made.
    public var madeOn: Day
    /// The day the figures of ``year`` were kept as a snapshot; nil when computed now.
    public var snapshotTakenOn: Day?
    /// The year's figures.
    public var figures: AnnualFigures
    /// The previous year's figures, when the registry holds them.
    public var previous: AnnualFigures?

    /// Creates a report.
    public init(year: Int, madeOn: Day, snapshotTakenOn: Day?, figures: AnnualFigures, previous: AnnualFigures?) {
        self.year = year
        self.madeOn = madeOn
        self.snapshotTakenOn = snapshotTakenOn
        self.figures = figures
        self.previous = previous
    }
}
