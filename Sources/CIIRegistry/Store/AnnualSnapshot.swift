public import CIICore

/// The annual report's figures of one year as the coordinator kept them on the first day it ran
/// in the next year: counts only (JSON made by the report module), so that a past year stays
/// reportable after retention has deleted its cases and the replica has dropped its entries.
public struct AnnualSnapshot: Sendable, Hashable {
    /// The year the figures are of.
    public var year: Int
    /// The day they were taken.
    public var takenOn: Day
    /// The figures, as the report module's JSON.
    public var figures: String

    /// Creates a snapshot.
    public init(year: Int, takenOn: Day, figures: String) {
        self.year = year
        self.takenOn = takenOn
        self.figures = figures
    }
}
