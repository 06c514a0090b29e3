public import CIICore
import Synchronization

/// The epoch keys a running node checks and imports with. A new epoch key arriving in a
/// manifest is added here, and the next check uses it, without a restart.
public final class KeyRing: Sendable {
    private let fingerprinters = Mutex<[Fingerprinter]>([])

    /// A ring holding `keys`.
    public init(_ keys: [FingerprintKey] = []) {
        replace(with: keys)
    }

    /// Replaces the keys (newest first once stored).
    public func replace(with keys: [FingerprintKey]) {
        let sorted = keys.sorted { $0.epoch > $1.epoch }.map(Fingerprinter.init)
        fingerprinters.withLock { $0 = sorted }
    }

    /// The fingerprinters, newest epoch first.
    public var current: [Fingerprinter] { fingerprinters.withLock { $0 } }
}
