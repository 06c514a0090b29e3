/// The tab "Situation": what the caseworker knows, and the risk factors of the criteria grid.
/// Stores keep it sealed at rest (it holds health and family details).
public struct Situation: Sendable, Hashable, Codable {
    /// Free text.
    public var text: String
    /// The factors ticked in the criteria grid, in grid order.
    public var riskFactors: [RiskFactor]

    /// Creates the tab; factors are kept once each, in grid order.
    public init(text: String = "", riskFactors: [RiskFactor] = []) {
        self.text = text
        self.riskFactors = Set(riskFactors).sorted()
    }
}
