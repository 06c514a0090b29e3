/// What a change-log entry does to the published set.
public enum ChangeKind: Int64, Sendable, Codable {
    /// The fingerprint is followed, with this last follow-up date.
    case upsert = 1
    /// The fingerprint is no longer followed.
    case retract = 2
}
