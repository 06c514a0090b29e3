/// One version of the table of weights that turns risk factors into a gravity index.
///
/// Every version the registry ever used stays in ``versions``: a case keeps the version it was
/// scored with, so its index can be explained later. A new version is added at the end (see
/// `docs/gravity-index.md`); ``current`` is the last one.
public struct GravityWeights: Sendable, Hashable {
    /// The version number (1, 2, …).
    public let version: Int
    /// Each factor's weight, in hundredths of an index point.
    public let hundredths: [RiskFactor: Int]

    /// Creates a table.
    public init(version: Int, hundredths: [RiskFactor: Int]) {
        self.version = version
        self.hundredths = hundredths
    }

    /// Version 1: thirteen factors averaging 0.5 and adding up to 6.5, so that four factors of
    /// average weight give 2.0, the 2023 report's mean for its mean of four factors.
    public static let v1 = GravityWeights(
        version: 1,
        hundredths: [
            .noRecentEmployment: 100,
            .physicalHealth: 75, .mentalHealth: 75, .addiction: 75,
            .illiteracy: 50, .finances: 50, .training: 50, .housing: 50,
            .language: 25, .family: 25, .socialIsolation: 25, .justice: 25, .residenceStatus: 25,
        ]
    )

    /// Every version, oldest first.
    public static let versions: [GravityWeights] = [v1]

    /// The version new scores use.
    public static var current: GravityWeights { versions[versions.count - 1] }

    /// The table of `version`, if there is one.
    public static func version(_ version: Int) -> GravityWeights? {
        versions.first { $0.version == version }
    }

    /// The index of a set of factors: the sum of their weights, at most 6.5.
    public func score(_ factors: some Sequence<RiskFactor>) -> GravityIndex {
        let sum = Set(factors).reduce(0) { $0 + (hundredths[$1] ?? 0) }
        return GravityIndex(hundredths: min(sum, GravityIndex.maximum.hundredths))
    }
}
