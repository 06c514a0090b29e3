/// A part of a whole counted in the registry: `count` of `total`, and their share (nil when
/// `total` is 0).
public struct Rate: Sendable, Hashable, Codable {
    /// The part.
    public var count: Int
    /// The whole.
    public var total: Int
    /// `count / total`, from 0 to 1; nil when `total` is 0.
    public var share: Double?

    /// `count` of `total`.
    public init(count: Int, total: Int) {
        self.count = count
        self.total = total
        self.share = total > 0 ? Double(count) / Double(total) : nil
    }
}
