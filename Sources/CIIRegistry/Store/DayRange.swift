public import CIICore

/// A span of days for search; either end may be open.
public struct DayRange: Sendable, Hashable, Codable {
    /// The first day, if any.
    public var from: Day?
    /// The last day, if any.
    public var to: Day?

    /// Creates a span.
    public init(from: Day? = nil, to: Day? = nil) {
        self.from = from
        self.to = to
    }

    /// Whether `day` lies in it; `nil` never does.
    public func contains(_ day: Day?) -> Bool {
        guard let day else { return false }
        return (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
    }
}
