/// Where a power of attorney stands on a given day.
public enum PowerOfAttorneyStatus: String, Sendable, Hashable, Codable {
    /// Valid for more than ``PowerOfAttorney/warningDays`` days still.
    case valid
    /// Valid, but expires within ``PowerOfAttorney/warningDays`` days.
    case expiresSoon = "expires_soon"
    /// Past its expiry date.
    case expired
}
