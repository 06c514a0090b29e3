/// The stable codes of ``RegistryProblem`` (what API clients test for).
public enum RegistryProblemCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// A value is missing.
    case required
    /// A date comes before one it must follow.
    case dateOrder = "date_order"
    /// A date lies outside the accepted span (in the future, before 1900).
    case dateOutOfRange = "date_out_of_range"
    /// A code is not in its list (document code, directory entry, weights version).
    case unknownCode = "unknown_code"
    /// A number lies outside its range (gravity, duration, cost).
    case outOfRange = "out_of_range"
    /// Not a valid AVS number.
    case invalidAVS = "invalid_avs"
    /// A text is too long.
    case tooLong = "too_long"
    /// A value is not allowed here (a closing status without an end, the same entry twice).
    case notAllowed = "not_allowed"
}
