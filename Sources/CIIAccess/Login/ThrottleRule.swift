/// How long a login waits, before its password or code is checked, after `failures` failed
/// attempts on the same key: nothing for the first ``free`` failures, then ``first``, doubling
/// every ``doublingEvery`` further failures, never more than ``cap``. A key quiet for
/// ``forgetAfter`` seconds starts again from nothing.
public struct ThrottleRule: Sendable, Hashable {
    /// Failures that cost nothing.
    public var free: Int
    /// The first delay.
    public var first: Duration
    /// Failures after which the delay doubles.
    public var doublingEvery: Int
    /// The longest delay: nobody waits more, so nobody is locked out.
    public var cap: Duration
    /// Seconds without a failure after which the count starts again.
    public var forgetAfter: Double

    /// Creates a rule.
    public init(free: Int, first: Duration, doublingEvery: Int, cap: Duration, forgetAfter: Double) {
        self.free = free
        self.first = first
        self.doublingEvery = max(1, doublingEvery)
        self.cap = cap
        self.forgetAfter = forgetAfter
    }

    /// Per account (the e-mail typed, known or not): free 3, then 1 s, 2 s, 4 s… up to 30 s;
    /// forgotten after a day without failure and at every login that opens a session.
    public static let account = ThrottleRule(free: 3, first: .seconds(1), doublingEvery: 1, cap: .seconds(30), forgetAfter: 86_400)

    /// Per client address (an IPv6 /64): free 10, then 1 s doubling every 5 failures up to 15 s;
    /// forgotten after an hour without failure. Slows whoever sits behind a guessing address
    /// (a shared NAT), never refuses them.
    public static let address = ThrottleRule(free: 10, first: .seconds(1), doublingEvery: 5, cap: .seconds(15), forgetAfter: 3_600)

    /// The delay after `failures` failures.
    public func delay(after failures: Int) -> Duration {
        guard failures >= free else { return .zero }
        let doublings = (failures - free) / doublingEvery
        guard doublings < 30 else { return cap }
        return min(cap, first * (1 << doublings))
    }
}
