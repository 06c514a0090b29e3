import CIICore
import CIIFederation
import Foundation
import Testing

@Suite struct MemberRateLimitTests {
    @Test func aMemberInALoopSlowsItselfDownAndNobodyElse() throws {
        let limit = MemberRateLimit(burst: 3, perSecond: 0.5)
        let orp = try NodeID("orp-vs")
        let cms = try NodeID("cms-vs")
        let now = Date(timeIntervalSince1970: 1_000_000)
        for _ in 0..<3 { #expect(limit.take(orp, now: now) == nil) }
        #expect(limit.take(orp, now: now) == 2)  // one request back every two seconds
        #expect(limit.take(cms, now: now) == nil)
        #expect(limit.take(orp, now: now + 2) == nil)
        #expect(limit.take(orp, now: now + 2) != nil)
    }
}
