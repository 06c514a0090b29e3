public import Foundation

/// An entry of the bureau's queue: something it must know of, such as a cancelled case.
public struct BureauNotice: Sendable, Hashable, Codable {
    /// The kinds of notice.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A case was cancelled.
        case cancellation
    }

    /// The notice's id (0 before it is stored).
    public var id: Int64
    /// What happened.
    public var kind: Kind
    /// The case concerned.
    public var caseID: Int64
    /// The account that did it.
    public var by: String
    /// When.
    public var at: Date
    /// The reason given (stores keep it sealed: it may name the person).
    public var reason: String

    /// Creates a notice.
    public init(id: Int64 = 0, kind: Kind, caseID: Int64, by: String, at: Date, reason: String) {
        self.id = id
        self.kind = kind
        self.caseID = caseID
        self.by = by
        self.at = at
        self.reason = reason
    }
}
