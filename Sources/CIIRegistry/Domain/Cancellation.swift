public import Foundation

/// Why, when and by whom a case period was cancelled.
public struct Cancellation: Sendable, Hashable, Codable {
    /// The mandatory reason.
    public var reason: String
    /// The account that cancelled it.
    public var by: String
    /// When.
    public var at: Date

    /// Creates a cancellation.
    public init(reason: String, by: String, at: Date) {
        self.reason = reason
        self.by = by
        self.at = at
    }
}
