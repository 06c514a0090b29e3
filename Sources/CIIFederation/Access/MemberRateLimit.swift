public import CIICore
public import Foundation
import Synchronization

/// How often each member may ask for something costly (a pull, a digest): a token bucket per
/// member, so that one member in a loop slows itself down and nobody else.
public final class MemberRateLimit: Sendable {
    /// Requests a member may make at once.
    public let burst: Double
    /// Requests per second a member regains.
    public let perSecond: Double
    private let buckets = Mutex<[NodeID: (tokens: Double, at: Double)]>([:])

    /// Creates a limit of `burst` requests at once, refilled at `perSecond`.
    public init(burst: Double, perSecond: Double) {
        self.burst = burst
        self.perSecond = perSecond
    }

    /// Takes one request from `member`'s bucket; returns nil when allowed, or the seconds to wait.
    public func take(_ member: NodeID, now: Date = Date()) -> Int? {
        let time = now.timeIntervalSince1970
        return buckets.withLock { buckets in
            var bucket = buckets[member] ?? (burst, time)
            bucket.tokens = min(burst, bucket.tokens + (time - bucket.at) * perSecond)
            bucket.at = time
            defer { buckets[member] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
