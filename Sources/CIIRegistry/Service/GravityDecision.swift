/// What the bureau does with a case's gravity index.
public enum GravityDecision: Sendable, Hashable {
    /// Confirms the computed index.
    case confirm
    /// Sets another index, with a reason.
    case override(GravityIndex, reason: String)
    /// Scores the risk factors again with the current weights (and drops a confirmation).
    case rescore
}
