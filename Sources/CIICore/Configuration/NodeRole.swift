/// What a node does in the federation.
public enum NodeRole: String, Sendable, CaseIterable, Codable {
    /// One per institution: imports its follow-ups, publishes fingerprints, answers checks.
    case dispositif
    /// One per federation, run by the bureau CII: root of trust, registry, reports.
    case coordinator
}
