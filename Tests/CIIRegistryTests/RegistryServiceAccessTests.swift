import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Foundation
import Testing

struct RegistryServiceAccessTests {
    @Test func aCaseOutsideTheScopeAnswersNotFoundLikeAMissingOne() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let mine = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: fixture.aliceActor)
        let missing = await attempt { try await fixture.service.readCase(9_999, by: fixture.brunoActor) }
        let other = await attempt { try await fixture.service.readCase(mine.id, by: fixture.brunoActor) }
        #expect((missing.failure as? RegistryError)?.kind == .notFound)
        #expect((other.failure as? RegistryError)?.kind == .notFound)
        #expect((other.failure as? RegistryError)?.description == (missing.failure as? RegistryError)?.description)
        // Another region's coordinator, by id: 404 for reads, updates and history.
        let monthey = RegistryActor(accountID: "c-mon", role: .coordinator(.monthey))
        let sion = RegistryActor(accountID: "c-sio", role: .coordinator(.sion))
        #expect((await attempt { try await fixture.service.readCase(mine.id, by: monthey) }.failure as? RegistryError)?.kind == .notFound)
        let update = await attempt { try await fixture.service.update(mine.id, .decision(Decision()), ifMatch: mine.etag, by: monthey) }
        #expect((update.failure as? RegistryError)?.kind == .notFound)
        #expect((await attempt { try await fixture.service.history(mine.id, by: monthey) }.failure as? RegistryError)?.kind == .notFound)
        // The admin sees no case content.
        let admin = RegistryActor(accountID: "adm", role: .admin)
        #expect((await attempt { try await fixture.service.readCase(mine.id, by: admin) }.failure as? RegistryError)?.kind == .notFound)
        // The region's coordinator reads the case without the bureau's tabs.
        let seen = try await fixture.service.readCase(mine.id, by: sion)
        #expect(seen.decision != nil && seen.situation != nil && seen.gravity == nil && seen.medicalMandate == nil)
        // Bruno, once involved, sees it.
        let involved = try await fixture.service.update(
            mine.id,
            .collaborators(
                CaseCollaborators(
                    announcing: CaseCollaborator(collaboratorID: fixture.alice, function: .announcer),
                    involved: [CaseCollaborator(collaboratorID: fixture.bruno, function: .respondent)]
                )
            ),
            ifMatch: mine.etag,
            by: fixture.aliceActor
        )
        #expect(try await fixture.service.readCase(mine.id, by: fixture.brunoActor).etag == involved.etag)
        #expect(try await fixture.service.search(RegistrySearch(), by: fixture.brunoActor).items.map(\.caseID) == [mine.id])
    }

    @Test func aTabTheRoleMayNotChangeIsForbiddenAndNothingIsWritten() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let day = RegistryFixture.day
        let mine = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: fixture.aliceActor)
        let sion = RegistryActor(accountID: "c-sio", role: .coordinator(.sion))
        let refusals: [(RegistryActor, CaseTabUpdate)] = [
            (fixture.aliceActor, .decision(Decision(openedOn: day(2025, 4, 1)))),
            (fixture.aliceActor, .services([])),
            (fixture.aliceActor, .medicalMandate([])),
            (fixture.aliceActor, .gravity(.confirm)),
            (sion, .situation(Situation(text: "x"))),
            (sion, .medicalMandate([])),
            (sion, .gravity(.confirm)),
        ]
        for (actor, update) in refusals {
            let outcome = await attempt { try await fixture.service.update(mine.id, update, ifMatch: mine.etag, by: actor) }
            #expect((outcome.failure as? RegistryError)?.kind == .forbidden, "\(actor.accountID) \(update.tab)")
        }
        // Bad input: every problem at once, and nothing written.
        let bad = await attempt {
            try await fixture.service.update(
                mine.id,
                .services([CaseService(type: .tro, start: day(2025, 5, 1), end: day(2025, 4, 1)), CaseService(type: .cmCII, start: day(2030, 1, 1))]),
                ifMatch: mine.etag,
                by: sion
            )
        }
        let error = try #require(bad.failure as? RegistryError)
        #expect(error.kind == .invalid && error.problems.map(\.field) == ["services[0].end", "services[1].start"])
        #expect(error.problems.allSatisfy { !$0.message.fr.isEmpty && !$0.message.de.isEmpty && !$0.message.en.isEmpty })
        let after = try await fixture.service.readCase(mine.id, by: RegistryFixture.bureau)
        #expect(after.etag == mine.etag && after.services == [])
        #expect(try await fixture.service.history(mine.id, by: RegistryFixture.bureau).count == 1)
        // An invalid new case writes no person.
        let invalid = RegistryFixture.newCase(avs: RegistryFixture.avs(2))
        var broken = invalid
        broken.person.avs = "756.1234.5678.90"
        broken.announcement.followedSince = day(2025, 6, 1)
        let refused = await attempt { try await fixture.service.createCase(broken, by: fixture.aliceActor) }
        #expect((refused.failure as? RegistryError)?.problems.map(\.code) == [.invalidAVS, .dateOrder])
        #expect(try await fixture.service.search(RegistrySearch(), by: RegistryFixture.bureau).total == 1)
        // A respondent without a directory entry creates nothing; a coordinator neither.
        let nobody = RegistryActor(accountID: "x", role: .respondent)
        #expect((await attempt { try await fixture.service.createCase(invalid, by: nobody) }.failure as? RegistryError)?.kind == .forbidden)
        #expect((await attempt { try await fixture.service.createCase(invalid, by: sion) }.failure as? RegistryError)?.kind == .forbidden)
    }

    @Test func theBureauConfirmsOrOverridesTheGravityIndex() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let bureau = RegistryFixture.bureau
        let created = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: fixture.aliceActor)
        let confirmed = try await fixture.service.update(created.id, .gravity(.confirm), ifMatch: created.etag, by: bureau)
        #expect(confirmed.gravity?.review?.index == GravityIndex(hundredths: 225) && confirmed.gravity?.review?.isOverride == false)
        let noReason = await attempt {
            try await fixture.service.update(
                created.id,
                .gravity(.override(GravityIndex(hundredths: 700), reason: "")),
                ifMatch: confirmed.etag,
                by: bureau
            )
        }
        #expect((noReason.failure as? RegistryError)?.problems.map(\.field) == ["gravity.index", "gravity.overrideReason"])
        let overridden = try await fixture.service.update(
            created.id,
            .gravity(.override(GravityIndex(hundredths: 400), reason: "Isolement majeur")),
            ifMatch: confirmed.etag,
            by: bureau
        )
        #expect(overridden.gravity?.effective == GravityIndex(hundredths: 400) && overridden.gravity?.computed == GravityIndex(hundredths: 225))
        // New factors: scored again, the override stays.
        let rescored = try await fixture.service.update(
            created.id,
            .situation(Situation(text: "x", riskFactors: [.addiction, .housing])),
            ifMatch: overridden.etag,
            by: bureau
        )
        #expect(rescored.gravity?.computed == GravityIndex(hundredths: 125) && rescored.gravity?.effective == GravityIndex(hundredths: 400))
        #expect(rescored.gravity?.weightsVersion == 1)
    }
}

struct RegistryPersonTests {
    @Test func aCorrectedNameIsSearchedAndRecordedButTheNumberStays() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let avs = RegistryFixture.avs(5)
        let created = try await fixture.service.createCase(RegistryFixture.newCase(avs: avs), by: fixture.aliceActor)
        var details = PersonDetails(try #require(created.person))
        details.surname = "Müller-Dubuis"
        details.education = .secondaryII
        let updated = try await fixture.service.update(created.id, .person(details), ifMatch: created.etag, by: fixture.aliceActor)
        #expect(updated.person?.surname == "Müller-Dubuis" && updated.person?.avs == avs && updated.etag == CaseETag(version: 2))
        let found = try await fixture.service.search(RegistrySearch(surname: "muller-d"), by: RegistryFixture.bureau)
        #expect(found.items.map(\.caseID) == [created.id])
        let history = try await fixture.service.history(created.id, by: fixture.aliceActor)
        #expect(history.contains { $0.field == "person.surname" && $0.oldValue == "\"Müller\"" && $0.newValue == "\"Müller-Dubuis\"" })
        #expect(history.contains { $0.field == "person.education" })
        #expect(!history.contains { $0.field.contains("avs") })
        // A coordinator may not correct it; a bad birth date is refused.
        let sion = RegistryActor(accountID: "c", role: .coordinator(.sion))
        #expect(
            (await attempt { try await fixture.service.update(created.id, .person(details), ifMatch: updated.etag, by: sion) }.failure
                as? RegistryError)?.kind == .forbidden
        )
        details.birthDate = RegistryFixture.day(2030, 1, 1)
        let bad = await attempt { try await fixture.service.update(created.id, .person(details), ifMatch: updated.etag, by: fixture.aliceActor) }
        #expect((bad.failure as? RegistryError)?.problems.map(\.field) == ["person.birthDate"])
    }
}
