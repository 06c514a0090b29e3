public import CIIRegistry

/// How many people received a service in the year (chapter 9: "26 personnes ont bénéficié d'une
/// TRO"): each person once per service type, whatever their number of case periods.
public struct ServiceCount: Sendable, Hashable, Codable {
    /// The service.
    public var type: ServiceType
    /// The people with a line of that service running at some time in the year.
    public var people: Int

    /// Creates a count.
    public init(type: ServiceType, people: Int) {
        self.type = type
        self.people = people
    }
}
