import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Foundation
import Testing

struct SQLiteRegistryStoreTests {
    @Test func roundTripsEveryTab() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let bureau = RegistryFixture.bureau
        let avs = RegistryFixture.avs(1)
        var view = try await fixture.service.createCase(RegistryFixture.newCase(avs: avs), by: fixture.aliceActor)
        #expect(view.etag == CaseETag(version: 1))
        #expect(view.collaborators?.announcing?.collaboratorID == fixture.alice)
        #expect(view.gravity == nil)  // a respondent does not see the gravity index
        let id = view.id
        let day = RegistryFixture.day
        let updates: [CaseTabUpdate] = [
            .documents([
                CaseDocument(
                    designation: "Procuration",
                    code: "PROC",
                    vaultID: "doc-1",
                    size: 1234,
                    kind: "pdf",
                    powerOfAttorney: PowerOfAttorney(start: day(2025, 1, 31), duration: 1, unit: .months)
                )
            ]),
            .logbook([LogbookEntry(date: day(2025, 4, 1), text: "Entretien avec l'ORP", partners: [fixture.bruno])]),
            .medicalMandate([SMRRequest(type: .expertise, date: day(2025, 4, 2), cost: Money(parsing: "1'250.50")!)]),
            .decision(Decision(openedOn: day(2025, 4, 3), dispositifInCharge: .cms)),
            .services([CaseService(type: .tro, start: day(2025, 4, 4), end: day(2025, 5, 4), closingStatus: .reintegrated)]),
            .gravity(.override(GravityIndex(hundredths: 300), reason: "Cumul de difficultés")),
        ]
        for update in updates { view = try await fixture.service.update(id, update, ifMatch: view.etag, by: bureau) }
        #expect(view.etag == CaseETag(version: 7))

        // Read back through a new store on the same file.
        let reopened = try SQLiteRegistryStore(path: fixture.store.path, key: fixture.key)
        let period = try #require(try await reopened.read { try await $0.casePeriod(id: id) })
        #expect(period.person.avs == avs)
        #expect(period.person.surname == "Müller")
        #expect(period.situation.text == "Situation familiale difficile")
        #expect(period.situation.riskFactors == [.noRecentEmployment, .finances, .training, .family])
        #expect(period.gravity?.computed == GravityIndex(hundredths: 225))
        #expect(period.gravity?.weightsVersion == 1)
        #expect(period.gravity?.effective == GravityIndex(hundredths: 300))
        #expect(period.documents.first?.powerOfAttorney?.expiry == day(2025, 2, 28))
        #expect(period.logbook.first?.text == "Entretien avec l'ORP")
        #expect(period.medicalMandate.first?.cost.centimes == 125_050)
        #expect(period.decision.dispositifInCharge == .cms)
        #expect(period.services.first?.closingStatus == .reintegrated)
        #expect(period.etag == CaseETag(version: 7))
        #expect(period.status == .open)

        // The same person again: a second case period of one person.
        let second = try await fixture.service.createCase(RegistryFixture.newCase(avs: avs, announced: day(2025, 5, 1)), by: bureau)
        #expect(second.personID == period.personID)
        #expect(try await reopened.read { try await $0.caseIDs(personID: period.personID) } == [id, second.id])
    }

    @Test func searchesByEveryCriterion() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let bureau = RegistryFixture.bureau
        let day = RegistryFixture.day
        let a = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: bureau)
        let b = try await fixture.service.createCase(
            RegistryFixture.newCase(
                avs: RegistryFixture.avs(2),
                surname: "Muller-Rey",
                firstName: "Jean",
                born: day(1990, 1, 1),
                region: .monthey,
                dispositif: .cms,
                announced: day(2025, 1, 10)
            ),
            by: bureau
        )
        let c = try await fixture.service.createCase(
            RegistryFixture.newCase(
                avs: RegistryFixture.avs(3),
                surname: "Zufferey",
                firstName: "Zoë",
                born: day(1975, 7, 7),
                region: .sion,
                dispositif: .orp,
                announced: day(2024, 11, 1)
            ),
            by: bureau
        )
        let a2 = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1), announced: day(2025, 5, 5)), by: bureau)
        _ = try await fixture.service.update(
            c.id,
            .services([CaseService(type: .coachingORPCMS, start: day(2025, 1, 1))]),
            ifMatch: c.etag,
            by: bureau
        )
        _ = try await fixture.service.update(
            b.id,
            .decision(Decision(openedOn: day(2025, 2, 1), closedOn: day(2025, 6, 1))),
            ifMatch: b.etag,
            by: bureau
        )

        func ids(_ search: RegistrySearch, as actor: RegistryActor = bureau) async throws -> [Int64] {
            try await fixture.service.search(search, by: actor).items.map(\.caseID)
        }
        #expect(try await ids(RegistrySearch(avs: RegistryFixture.avs(1), sort: .caseID)) == [a.id, a2.id])
        #expect(try await ids(RegistrySearch(surname: "MUL", sort: .caseID)) == [a.id, b.id, a2.id])
        #expect(try await ids(RegistrySearch(surname: "müller", firstName: "zoe", sort: .caseID)) == [a.id, a2.id])
        #expect(try await ids(RegistrySearch(firstName: "ZO", sort: .caseID)) == [a.id, c.id, a2.id])
        #expect(try await ids(RegistrySearch(birthDate: day(1975, 7, 7))) == [c.id])
        #expect(try await ids(RegistrySearch(region: .sion, dispositif: .orp, sort: .announcedOn)) == [c.id, a.id, a2.id])
        #expect(try await ids(RegistrySearch(serviceType: .coachingORPCMS)) == [c.id])
        #expect(try await ids(RegistrySearch(status: .closed)) == [b.id])
        #expect(try await ids(RegistrySearch(closedOn: DayRange(from: day(2025, 5, 1)))) == [b.id])
        #expect(
            try await ids(RegistrySearch(announcedOn: DayRange(from: day(2025, 1, 1), to: day(2025, 3, 31)), sort: .caseID, descending: true)) == [
                b.id, a.id,
            ]
        )
        #expect(try await ids(RegistrySearch(avs: RegistryFixture.avs(1), region: .monthey)) == [])
        let page = try await fixture.service.search(RegistrySearch(sort: .caseID, page: 1, pageSize: 3), by: bureau)
        #expect(page.total == 4 && page.items.map(\.caseID) == [a2.id])
        // Scopes: a coordinator sees their region; a respondent the cases naming them; an admin nothing.
        #expect(try await ids(RegistrySearch(sort: .caseID), as: RegistryActor(accountID: "c", role: .coordinator(.monthey))) == [b.id])
        #expect(try await ids(RegistrySearch(), as: fixture.aliceActor) == [])
        await #expect(throws: RegistryError.self) { try await ids(RegistrySearch(), as: RegistryActor(accountID: "a", role: .admin)) }
        await #expect(throws: RegistryError.self) { try await ids(RegistrySearch(pageSize: 0)) }
    }

    @Test func theSecondOfTwoUpdatesOnOneETagConflictsAndNothingIsLost() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let day = RegistryFixture.day
        let created = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: RegistryFixture.bureau)
        let sion = RegistryActor(accountID: "coord-sion", role: .coordinator(.sion))
        let bureau = RegistryFixture.bureau
        async let first = attempt {
            try await fixture.service.update(created.id, .decision(Decision(openedOn: day(2025, 4, 1))), ifMatch: created.etag, by: sion)
        }
        async let second = attempt {
            try await fixture.service.update(
                created.id,
                .services([CaseService(type: .tro, start: day(2025, 4, 2))]),
                ifMatch: created.etag,
                by: bureau
            )
        }
        let results = await [first, second]
        let winners = results.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        let losers = results.compactMap { result -> RegistryError? in
            if case .failure(let error) = result { return error as? RegistryError }
            return nil
        }
        #expect(losers.map(\.kind) == [.conflict])
        // The loser reads again and applies its change on the new version: both changes stay.
        let fresh = try await fixture.service.readCase(created.id, by: bureau)
        #expect(fresh.etag == CaseETag(version: 2))
        let retried: CaseTabUpdate =
            fresh.decision?.openedOn == nil
            ? .decision(Decision(openedOn: day(2025, 4, 1))) : .services([CaseService(type: .tro, start: day(2025, 4, 2))])
        let final = try await fixture.service.update(created.id, retried, ifMatch: fresh.etag, by: bureau)
        #expect(final.decision?.openedOn == day(2025, 4, 1))
        #expect(final.services?.count == 1)
        #expect(final.etag == CaseETag(version: 3))
    }
}

/// The outcome of `body`, error included.
func attempt<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

struct SQLiteRegistryTransactionTests {
    @Test func aTransactionThatThrowsLeavesNothing() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        struct Stop: Error {}
        let avs = RegistryFixture.avs(7)
        let person = Person(
            avs: avs,
            surname: "Rey",
            firstName: "Léa",
            birthDate: RegistryFixture.day(1990, 2, 3),
            sex: .female,
            language: .fr,
            education: .tertiary
        )
        let outcome = await attempt {
            try await fixture.store.transaction { tx -> Int64 in
                let id = try await tx.insertPerson(person)
                #expect(try await tx.person(avs: avs)?.id == id)  // the transaction sees its own write
                #expect(try await fixture.store.read { try await $0.person(avs: avs) } == nil)  // others do not yet
                throw Stop()
            }
        }
        #expect(outcome.failure is Stop)
        #expect(try await fixture.store.read { try await $0.person(avs: avs) } == nil)
        // The store still works afterwards.
        let id = try await fixture.store.transaction { try await $0.insertPerson(person) }
        #expect(try await fixture.store.read { try await $0.person(avs: avs) } == StoredPerson(id: id, person: person))
    }

    @Test func concurrentChangesAreAppliedOneAfterTheOther() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let service = fixture.service
        let bureau = RegistryFixture.bureau
        let created = try await service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: bureau)
        // Twenty writers each add a logbook entry, reading again after each conflict.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<20 {
                group.addTask {
                    while true {
                        let current = try await service.readCase(created.id, by: bureau)
                        let entry = LogbookEntry(date: RegistryFixture.day(2025, 6, 1), text: "writer \(writer)")
                        let outcome = await attempt {
                            try await service.update(created.id, .logbook((current.logbook ?? []) + [entry]), ifMatch: current.etag, by: bureau)
                        }
                        if (outcome.failure as? RegistryError)?.kind == .conflict { continue }
                        _ = try outcome.get()
                        return
                    }
                }
            }
            try await group.waitForAll()
        }
        let final = try await service.readCase(created.id, by: bureau)
        #expect(Set(final.logbook?.map(\.text) ?? []) == Set((0..<20).map { "writer \($0)" }))
        #expect(final.etag == CaseETag(version: 21))
    }
}
