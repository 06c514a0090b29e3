import CIICore
import Foundation
import Testing

@testable import CIIRegistry

struct RegistryDomainTests {
    @Test func moneyIsExactCentimes() throws {
        #expect(Money(parsing: "1'234.50")?.centimes == 123_450)
        #expect(Money(parsing: "1234.5")?.centimes == 123_450)
        #expect(Money(parsing: "CHF 12")?.centimes == 1_200)
        #expect(Money(parsing: "0,05")?.centimes == 5)
        #expect(Money(parsing: "-3.05")?.centimes == -305)
        for bad in ["", "1.234", "12a", ".5", "1'2'3.", "1e3", "CHF"] { #expect(Money(parsing: bad) == nil, "\(bad)") }
        #expect(Money(centimes: 123_456_789).formatted == "1'234'567.89")
        #expect(Money(centimes: 5).plain == "0.05")
        // 0.1 + 0.2 is 0.3 exactly.
        #expect(Money(parsing: "0.1")! + Money(parsing: "0.2")! == Money(parsing: "0.3")!)
        let json = try JSONEncoder().encode([Money(centimes: 123_450)])
        #expect(String(decoding: json, as: UTF8.self) == "[\"1234.50\"]")
        #expect(try JSONDecoder().decode([Money].self, from: json) == [Money(centimes: 123_450)])
    }

    @Test func gravityWeightsMatchThe2023Profile() {
        let weights = GravityWeights.v1
        #expect(Set(weights.hundredths.keys) == Set(RiskFactor.allCases))
        #expect(weights.score(RiskFactor.allCases) == .maximum)
        let mean = Double(weights.hundredths.values.reduce(0, +)) / Double(weights.hundredths.count) / 100
        #expect(abs(4 * mean - 2.0) < 0.001)
        #expect(weights.score([]) == GravityIndex(hundredths: 0))
        #expect(weights.score([.noRecentEmployment, .finances, .training, .family]) == GravityIndex(hundredths: 225))
        #expect(weights.score([.addiction, .addiction]) == GravityIndex(hundredths: 75))
        #expect(GravityWeights.current.version == GravityWeights.versions.map(\.version).max())
        #expect(GravityWeights.version(1) == .v1)
        #expect(GravityIndex(hundredths: 200).description == "2.0")
        #expect(GravityIndex(hundredths: 225).description == "2.25")
        #expect(GravityIndex(hundredths: 650).isInRange && !GravityIndex(hundredths: 651).isInRange)
    }

    @Test func powerOfAttorneyExpiryClampsMonthEnds() throws {
        func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }
        #expect(PowerOfAttorney(start: day(2023, 1, 31), duration: 1, unit: .months).expiry == day(2023, 2, 28))
        #expect(PowerOfAttorney(start: day(2024, 1, 31), duration: 1, unit: .months).expiry == day(2024, 2, 29))
        #expect(PowerOfAttorney(start: day(2024, 2, 29), duration: 1, unit: .years).expiry == day(2025, 2, 28))
        #expect(PowerOfAttorney(start: day(2024, 2, 29), duration: 4, unit: .years).expiry == day(2028, 2, 29))
        #expect(PowerOfAttorney(start: day(2024, 10, 31), duration: 4, unit: .months).expiry == day(2025, 2, 28))
        #expect(PowerOfAttorney(start: day(2024, 11, 15), duration: 14, unit: .months).expiry == day(2026, 1, 15))
        #expect(PowerOfAttorney(start: day(2024, 12, 20), duration: 30, unit: .days).expiry == day(2025, 1, 19))
        let power = PowerOfAttorney(start: day(2024, 1, 15), duration: 1, unit: .years)
        #expect(power.status(on: day(2024, 12, 15)) == .valid)
        #expect(power.status(on: day(2024, 12, 16)) == .expiresSoon)
        #expect(power.status(on: day(2025, 1, 15)) == .expiresSoon)
        #expect(power.status(on: day(2025, 1, 16)) == .expired)
        let json = String(decoding: try JSONEncoder().encode(power), as: UTF8.self)
        #expect(json.contains("\"expiry\":\"2025-01-15\""))
    }

    @Test func namesFoldWithoutCaseOrAccents() {
        #expect(NameFolding.fold("Müller") == "muller")
        #expect(NameFolding.fold(" Zoë-Éléonore ") == "zoe-eleonore")
        #expect(NameFolding.fold("Strauß") == "strauss")
        #expect(NameFolding.fold("ÇA") == "ca")
    }

    @Test func etagsReadTheirHeader() {
        #expect(CaseETag(header: "\"7\"")?.version == 7)
        #expect(CaseETag(header: "W/\"7\"")?.version == 7)
        #expect(CaseETag(header: "7") == nil)
        #expect(CaseETag(header: "\"x\"") == nil)
        #expect(CaseETag(version: 3).header == "\"3\"")
    }

    @Test func personNeverShowsItsNumber() throws {
        let person = Person(
            avs: try AVSNumber("756.9217.0769.85"),
            surname: "Rey",
            firstName: "Anne",
            birthDate: Day(year: 1980, month: 1, day: 1)!,
            sex: .female,
            language: .fr,
            education: .tertiary
        )
        #expect(!"\(person)".contains("9217"))
        let draft = PersonDraft(
            avs: "756.9217.0769.85",
            surname: "Rey",
            firstName: "Anne",
            birthDate: person.birthDate,
            sex: .female,
            language: .fr,
            education: .none
        )
        #expect(!"\(draft)".contains("9217"))
        let decoded = try JSONDecoder().decode(Person.self, from: try JSONEncoder().encode(person))
        #expect(decoded == person)
    }
}
