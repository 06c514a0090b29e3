import Synchronization

/// A counter bumped after every write this process commits; readers that hold a snapshot
/// compare it with the value they saw to know when to take a fresh one.
public final class WriteGeneration: Sendable {
    private let value = Atomic<UInt64>(0)

    /// Creates a counter at 0.
    public init() {}

    /// The current value.
    public var current: UInt64 { value.load(ordering: .acquiring) }

    /// Marks that a write committed.
    public func bump() { value.add(1, ordering: .releasing) }
}
