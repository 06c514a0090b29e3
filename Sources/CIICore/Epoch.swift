/// A period during which one federation key fingerprints every AVS number.
///
/// Epochs are numbered from 1 by the coordinator; a new epoch means a new key, and
/// fingerprints of different epochs never match.
public struct Epoch: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The epoch number, 1 or more.
    public let number: UInt32

    /// Creates an epoch; `nil` for 0.
    public init?(_ number: UInt32) {
        guard number > 0 else { return nil }
        self.number = number
    }

    /// The first epoch of a federation.
    public static let first = Epoch(1)!

    /// The next epoch.
    public var next: Epoch { Epoch(number + 1)! }

    /// Orders by number.
    public static func < (lhs: Epoch, rhs: Epoch) -> Bool { lhs.number < rhs.number }

    /// `epoch 3`.
    public var description: String { "epoch \(number)" }
}
