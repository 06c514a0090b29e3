import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Testing

/// The retention sweep: cases closed or cancelled more than `registry.retention_years` ago lose
/// their personal data; the person goes with their last case.
struct RegistryRetentionTests {
    typealias F = RegistryFixture

    /// A case of `avs` announced on `announced` and closed on `closed` (nil: left open).
    func makeCase(_ fixture: F, _ avs: AVSNumber, announced: Day, closed: Day?) async throws -> Int64 {
        let view = try await fixture.service.createCase(F.newCase(avs: avs, announced: announced), by: F.bureau)
        guard let closed else { return view.id }
        _ = try await fixture.service.update(
            view.id,
            .decision(Decision(openedOn: announced, closedOn: closed, dispositifInCharge: .orp)),
            ifMatch: view.etag,
            by: F.bureau
        )
        return view.id
    }

    @Test func deletesWhatEndedBeforeTheLimitAndTheLastCaseTakesThePerson() async throws {
        let fixture = try await F()
        defer { fixture.remove() }
        // Today is 30 June 2025: with 10 years, cases that ended before 30 June 2015 go.
        let old = try await makeCase(fixture, F.avs(1), announced: F.day(2013, 1, 10), closed: F.day(2015, 6, 29))
        let edge = try await makeCase(fixture, F.avs(2), announced: F.day(2013, 1, 10), closed: F.day(2015, 6, 30))
        let shared = try await makeCase(fixture, F.avs(3), announced: F.day(2012, 1, 10), closed: F.day(2014, 2, 1))
        let open = try await makeCase(fixture, F.avs(3), announced: F.day(2024, 1, 10), closed: nil)

        let due = try await fixture.service.retentionDue(today: F.today, years: 10)
        #expect(due.map(\.caseID) == [shared, old])
        #expect(due.first { $0.caseID == shared }?.personGoes == false)
        #expect(due.first { $0.caseID == old }?.personGoes == true)
        #expect(try await fixture.service.readCase(old, by: F.bureau).id == old, "a dry run deletes nothing")

        var seen: [Int64] = []
        let removed = try await fixture.service.applyRetention(today: F.today, years: 10) { seen.append($0.caseID) }
        #expect(removed.map(\.caseID) == [shared, old] && seen == [shared, old])
        for gone in [old, shared] {
            await #expect(throws: RegistryError.self) { try await fixture.service.readCase(gone, by: F.bureau) }
        }
        #expect(try await fixture.service.readCase(edge, by: F.bureau).id == edge)
        #expect(try await fixture.service.readCase(open, by: F.bureau).id == open)
        let first = try await fixture.service.search(RegistrySearch(avs: F.avs(1)), by: F.bureau)
        #expect(first.total == 0)
        #expect(try await fixture.store.read { try await $0.person(avs: F.avs(1)) } == nil, "the person went with their last case")
        #expect(try await fixture.store.read { try await $0.person(avs: F.avs(3)) } != nil, "the person of an open case stays")
        #expect(try await fixture.store.read { try await $0.history(caseID: old) }.isEmpty, "its history went with it")
        #expect(try await fixture.service.retentionDue(today: F.today, years: 10).isEmpty)
    }

    @Test func aCancelledCaseEndsTheDayItWasCancelled() async throws {
        let fixture = try await F()
        defer { fixture.remove() }
        let id = try await makeCase(fixture, F.avs(4), announced: F.day(2025, 1, 10), closed: nil)
        let view = try await fixture.service.readCase(id, by: F.bureau)
        _ = try await fixture.service.cancel(id, reason: "Doublon", ifMatch: view.etag, by: F.bureau)
        #expect(try await fixture.service.retentionDue(today: F.today, years: 1).isEmpty)
        let due = try await fixture.service.retentionDue(today: F.day(2026, 7, 1), years: 1)
        #expect(due.map(\.caseID) == [id])
        #expect(due.first?.status == .cancelled && due.first?.endedOn == F.today)
    }
}
