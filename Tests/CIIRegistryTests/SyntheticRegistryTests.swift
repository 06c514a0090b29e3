import CIICore
import CIIRegistry
import CIISynthetic
import Testing

/// `ciid dev registry`'s cases follow the 2023 report's profile, and the registry's own rules accept
/// every one of them.
struct SyntheticRegistryTests {
    @Test func followsTheProfileOfThe2023Report() {
        let registry = SyntheticRegistry(cases: 5_000, year: 2025, today: Day(year: 2026, month: 1, day: 10)!)
        let people = registry.cases.map(\.newCase.person)
        let count = Double(people.count)
        let men = Double(people.filter { $0.sex == .male }.count) / count
        #expect(abs(men - 0.72) < 0.03, "men \(men)")
        let adults = registry.cases.filter { $0.newCase.announcement.ageGroup == .adult }
        let ages = adults.map { Double($0.newCase.announcement.announcedOn.components.year - $0.newCase.person.birthDate.components.year) }
        let meanAge = ages.reduce(0, +) / Double(ages.count)
        #expect(abs(meanAge - 42) < 1.5, "mean age \(meanAge)")
        let none = Double(people.filter { $0.education == .none }.count) / count
        let secondary = Double(people.filter { $0.education == .secondaryII }.count) / count
        #expect(abs(none - 0.60) < 0.03 && abs(secondary - 0.35) < 0.03, "education \(none) \(secondary)")
        let factors = registry.cases.map { Double($0.newCase.situation.riskFactors.count) }
        let meanFactors = factors.reduce(0, +) / count
        #expect(abs(meanFactors - 4) < 0.25, "risk factors \(meanFactors)")
        let gravity = registry.cases.map { GravityScore(factors: $0.newCase.situation.riskFactors, weights: .current).computed.value }
        let meanGravity = gravity.reduce(0, +) / count
        #expect(abs(meanGravity - 2.0) < 0.2, "gravity \(meanGravity)")
        let early = registry.cases.filter { item in
            let announcement = item.newCase.announcement
            guard let since = announcement.followedSince, let toBureau = announcement.announcedToBureauOn else { return false }
            return toBureau.daysSince1970 - since.daysSince1970 < 183
        }
        #expect(abs(Double(early.count) / count - 0.46) < 0.04)
        let orpSion = registry.cases.filter { $0.newCase.announcement.dispositif == .orp && $0.newCase.announcement.region == .sion }
        #expect(abs(Double(orpSion.count) / count - 14.0 / 72) < 0.02, "ORP Sion is 14 of chapter 9's 72 cases")
        let coachings = registry.cases.flatMap(\.services).filter { $0.type == .coachingORPCMS && $0.end != nil }
        let reintegrated = Double(coachings.filter { $0.closingStatus == .reintegrated }.count) / Double(coachings.count)
        #expect(abs(reintegrated - 0.5) < 0.06, "coaching reintegration \(reintegrated)")
    }

    @Test func isTheSameForTheSameSeed() {
        let one = SyntheticRegistry(cases: 50, year: 2025, today: Day(year: 2026, month: 1, day: 10)!, seed: 7)
        let two = SyntheticRegistry(cases: 50, year: 2025, today: Day(year: 2026, month: 1, day: 10)!, seed: 7)
        #expect(one.cases.map(\.newCase) == two.cases.map(\.newCase))
    }

    @Test func everyCasePassesTheRegistrysRules() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let registry = SyntheticRegistry(cases: 120, year: 2025, today: RegistryFixture.today)
        try await registry.write(into: fixture.service, as: RegistryFixture.bureau)
        let page = try await fixture.service.search(RegistrySearch(pageSize: 200), by: RegistryFixture.bureau)
        #expect(page.total == 120)
        // Written again, the directory is reused, not doubled.
        let before = try await fixture.service.collaborators(by: RegistryFixture.bureau).count
        try await SyntheticRegistry(cases: 1, year: 2025, today: RegistryFixture.today, seed: 9).write(
            into: fixture.service,
            as: RegistryFixture.bureau
        )
        #expect(try await fixture.service.collaborators(by: RegistryFixture.bureau).count == before)
    }
}
