/// The orders of search results.
public enum RegistrySort: String, Sendable, Hashable, Codable, CaseIterable {
    /// By surname, first name, then case id.
    case name
    /// By the day the case was announced, then case id.
    case announcedOn
    /// By birth date, then case id.
    case birthDate
    /// By case id (the order of creation).
    case caseID
}
