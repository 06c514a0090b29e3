/// The situations announced to the CII in the year (chapter 2: "250 situations annoncées,
/// adultes 72 et jeunes 178"), cancelled cases left out.
public struct SituationCounts: Sendable, Hashable, Codable {
    /// Every situation announced.
    public var total: Int
    /// Adults' situations.
    public var adults: Int
    /// Young people's situations.
    public var youth: Int

    /// Creates the counts.
    public init(total: Int, adults: Int, youth: Int) {
        self.total = total
        self.adults = adults
        self.youth = youth
    }
}
