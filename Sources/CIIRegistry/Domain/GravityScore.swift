/// A case's gravity index: computed from its risk factors under one version of the weights, and
/// possibly confirmed or overridden by the bureau.
public struct GravityScore: Sendable, Hashable, Codable {
    /// The index the weights give.
    public var computed: GravityIndex
    /// The version of ``GravityWeights`` it was computed with.
    public var weightsVersion: Int
    /// The bureau's confirmation or override, if any.
    public var review: GravityReview?

    /// Creates a score.
    public init(computed: GravityIndex, weightsVersion: Int, review: GravityReview? = nil) {
        self.computed = computed
        self.weightsVersion = weightsVersion
        self.review = review
    }

    /// Scores `factors` with `weights`.
    public init(factors: some Sequence<RiskFactor>, weights: GravityWeights) {
        self.init(computed: weights.score(factors), weightsVersion: weights.version)
    }

    /// The index that counts: the bureau's when it reviewed it, the computed one otherwise.
    public var effective: GravityIndex { review?.index ?? computed }
}
