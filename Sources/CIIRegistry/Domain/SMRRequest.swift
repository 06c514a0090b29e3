public import CIICore

/// One request of the tab "Mandat médical" (bureau only), re-invoiced yearly to the announcing dispositif.
public struct SMRRequest: Sendable, Hashable, Codable {
    /// The kind of request.
    public var type: SMRRequestType
    /// Its date.
    public var date: Day
    /// Its cost.
    public var cost: Money

    /// Creates a request.
    public init(type: SMRRequestType, date: Day, cost: Money) {
        self.type = type
        self.date = date
        self.cost = cost
    }
}
