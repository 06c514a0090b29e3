import CIICore
import Testing

@testable import CIIImport

/// A large export is fingerprinted on every core: the same fingerprints, in the people's order.
@Suite struct FingerprintSharingTests {
    func people(_ count: Int) -> [ValidRow] {
        (0..<count).map { index in
            ValidRow(avs: Fixture.avs(index), startedOn: Fixture.today, lastOn: Fixture.today, caseworker: nil, reference: nil, clamped: false)
        }
    }

    @Test(arguments: [FollowUpMerger.parallelFrom - 1, FollowUpMerger.parallelFrom, FollowUpMerger.parallelFrom + 1_237])
    func everyPersonGetsTheirOwnFingerprintInOrder(count: Int) {
        let fingerprinter = Fingerprinter(key: .generate(epoch: .first))
        let people = people(count)
        let shared = FollowUpMerger.fingerprints(of: people, fingerprinter: fingerprinter)
        #expect(shared.count == count)
        #expect(shared == people.map { fingerprinter.fingerprint($0.avs) })
    }
}
