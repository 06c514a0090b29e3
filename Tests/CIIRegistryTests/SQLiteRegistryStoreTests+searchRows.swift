import CIICore
import CIIRegistry
import CIIRegistrySQLite
import CIISynthetic
import Foundation
import Testing

extension SQLiteRegistryStoreTests {
    /// Searches read the narrow `case_search` rows; above `sortedWalkThreshold` matches a page is
    /// read by walking the sort order's index instead of sorting. Both ways give the pages that
    /// sorting every case period in memory gives, and the rows follow every change of a case or
    /// a person.
    @Test func manyMatchesGiveTheSamePagesAsSortingEveryCase() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let bureau = RegistryFixture.bureau
        let synthetic = SyntheticRegistry(cases: 2600, year: 2025, today: RegistryFixture.today, seed: 7)
        let ids = try await synthetic.bulkWrite(into: fixture.store)
        var periods: [CasePeriod] = []
        for id in ids { periods.append(try #require(try await fixture.store.read { try await $0.casePeriod(id: id) })) }

        func byName(_ a: CasePeriod, _ b: CasePeriod) -> Bool {
            let left = (Array(NameFolding.fold(a.person.surname).utf8), Array(NameFolding.fold(a.person.firstName).utf8), a.id)
            let right = (Array(NameFolding.fold(b.person.surname).utf8), Array(NameFolding.fold(b.person.firstName).utf8), b.id)
            if left.0 != right.0 { return left.0.lexicographicallyPrecedes(right.0) }
            if left.1 != right.1 { return left.1.lexicographicallyPrecedes(right.1) }
            return left.2 < right.2
        }
        func page(_ search: RegistrySearch) async throws -> (total: Int, ids: [Int64]) {
            let found = try await fixture.service.search(search, by: bureau)
            return (found.total, found.items.map(\.caseID))
        }
        func expected(_ matches: [CasePeriod], page: Int, size: Int) -> (total: Int, ids: [Int64]) {
            (matches.count, Array(matches.dropFirst(page * size).prefix(size)).map(\.id))
        }

        let open = periods.filter { $0.status == .open }.sorted(by: byName)
        #expect(open.count > 2000, "the walk is taken above 2,000 matches")
        #expect(try await page(RegistrySearch(status: .open, page: 3, pageSize: 40)) == expected(open, page: 3, size: 40))

        let notCancelled = periods.sorted(by: byName)
        #expect(try await page(RegistrySearch(page: 10, pageSize: 50)) == expected(notCancelled, page: 10, size: 50))

        let sion = periods.filter { $0.announcement.region == .sion }
        let byDate = sion.sorted { ($0.announcement.announcedOn, $0.id) > ($1.announcement.announcedOn, $1.id) }
        #expect(
            try await page(RegistrySearch(region: .sion, sort: .announcedOn, descending: true, page: 2, pageSize: 25))
                == expected(byDate, page: 2, size: 25)
        )
        #expect(try await page(RegistrySearch(region: .sion, pageSize: 30)) == expected(sion.sorted(by: byName), page: 0, size: 30))

        let prefix = String(NameFolding.fold(periods[0].person.surname).prefix(3))
        let named = periods.filter { NameFolding.fold($0.person.surname).hasPrefix(prefix) && $0.announcement.region == .sion }.sorted(by: byName)
        #expect(try await page(RegistrySearch(surname: prefix, region: .sion, pageSize: 20)) == expected(named, page: 0, size: 20))

        // The rows follow a person's new name and a cancellation.
        let first = periods[0]
        let renamed = PersonDetails(
            surname: "Zzyzx-Quellet",
            firstName: first.person.firstName,
            birthDate: first.person.birthDate,
            sex: first.person.sex,
            language: first.person.language,
            education: first.person.education
        )
        let view = try await fixture.service.update(first.id, .person(renamed), ifMatch: first.etag, by: bureau)
        #expect(try await page(RegistrySearch(surname: "zzyzx")).ids == [first.id])
        let wasNamed = named.contains { $0.id == first.id }
        #expect(try await page(RegistrySearch(surname: prefix, region: .sion)).total == named.count - (wasNamed ? 1 : 0))
        _ = try await fixture.service.cancel(first.id, reason: "Doublon", ifMatch: view.etag, by: bureau)
        #expect(try await page(RegistrySearch(surname: "zzyzx")).ids == [])
        #expect(try await page(RegistrySearch(surname: "zzyzx", status: .cancelled)).ids == [first.id])
        #expect(try await page(RegistrySearch(page: 0, pageSize: 1)).total == notCancelled.count - 1)
    }
}
