/// The mean gravity index and the mean number of risk factors of the situations announced in the
/// year (chapter 9: "L'indice de gravité moyen se situe à 2.0 (cumul de 4 facteurs de risques)").
public struct GravityFigures: Sendable, Hashable, Codable {
    /// The situations with a gravity index.
    public var scored: Int
    /// Their mean index (the bureau's where it reviewed one); nil without any.
    public var meanIndex: Double?
    /// The situations whose risk factors were counted (all announced).
    public var situations: Int
    /// The mean number of risk factors ticked; nil without situations.
    public var meanRiskFactors: Double?

    /// Creates the figures.
    public init(scored: Int, meanIndex: Double?, situations: Int, meanRiskFactors: Double?) {
        self.scored = scored
        self.meanIndex = meanIndex
        self.situations = situations
        self.meanRiskFactors = meanRiskFactors
    }
}
