public import Foundation

/// The bureau's word on a computed gravity index: confirmed as it is, or overridden with a reason.
public struct GravityReview: Sendable, Hashable, Codable {
    /// The index the bureau set (the computed one when it confirms).
    public var index: GravityIndex
    /// Why the bureau overrode the computed index; `nil` when it confirmed it.
    public var overrideReason: String?
    /// The account that reviewed it.
    public var reviewedBy: String
    /// When.
    public var reviewedAt: Date

    /// Creates a review.
    public init(index: GravityIndex, overrideReason: String?, reviewedBy: String, reviewedAt: Date) {
        self.index = index
        self.overrideReason = overrideReason
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }

    /// Whether the bureau set another index than the computed one.
    public var isOverride: Bool { overrideReason != nil }
}
