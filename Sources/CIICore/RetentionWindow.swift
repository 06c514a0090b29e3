/// How far back a follow-up still counts: three years by default.
///
/// A follow-up counts when its last date is on or after the cutoff, the same calendar day
/// `years` years before today (29 February falls back to 28 February). A follow-up exactly
/// three years ago therefore still counts; one a day older does not.
public struct RetentionWindow: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The length of the window in years.
    public let years: Int

    /// The default window of the CII alert system: three years.
    public static let standard = RetentionWindow(years: 3)

    /// Creates a window of `years` years (1 to 50).
    public init(years: Int) {
        precondition((1...50).contains(years), "a window lasts 1 to 50 years")
        self.years = years
    }

    /// The oldest last-follow-up day still inside the window on `today`.
    public func cutoff(today: Day) -> Day { today.minus(years: years) }

    /// Tells whether a follow-up last seen on `lastFollowUp` is inside the window on `today`.
    public func contains(_ lastFollowUp: Day, today: Day) -> Bool { lastFollowUp >= cutoff(today: today) }

    /// `3 years`.
    public var description: String { "\(years) years" }
}
