public import CIICore

/// One line of the tab "Prestations" (coordinators and bureau).
public struct CaseService: Sendable, Hashable, Codable {
    /// The service.
    public var type: ServiceType
    /// The day it started.
    public var start: Day
    /// The day it ended.
    public var end: Day?
    /// How it ended (with ``end``).
    public var closingStatus: ClosingStatus?

    /// Creates a line.
    public init(type: ServiceType, start: Day, end: Day? = nil, closingStatus: ClosingStatus? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.closingStatus = closingStatus
    }
}
