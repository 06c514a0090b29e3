import CIICore
import CIIRegistry
import Testing

/// The bureau records its trainings and regional days; the report will count their participants.
struct RegistryTrainingTests {
    @Test func theBureauRecordsCorrectsAndListsTrainingsByYear() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let bureau = RegistryFixture.bureau
        let day = RegistryFixture.day
        let sion = try await fixture.service.saveTraining(
            Training(
                kind: .regionalDay,
                title: "Journée régionale du Valais central",
                date: day(2025, 3, 12),
                region: .sion,
                language: .fr,
                participants: 30
            ),
            by: bureau
        )
        let brig = try await fixture.service.saveTraining(
            Training(kind: .training, title: "IIZ-Schulung", date: day(2025, 2, 4), region: .hautValais, language: .de, participants: 12),
            by: bureau
        )
        _ = try await fixture.service.saveTraining(
            Training(kind: .training, title: "Formation 2024", date: day(2024, 11, 20), region: .monthey, language: .fr, participants: 25),
            by: bureau
        )
        #expect(sion.id > 0 && brig.id > sion.id)
        var corrected = sion
        corrected.participants = 43
        _ = try await fixture.service.saveTraining(corrected, by: bureau)

        let year = try await fixture.service.trainings(year: 2025, by: bureau)
        #expect(year.map(\.title) == ["IIZ-Schulung", "Journée régionale du Valais central"], "by date, 2024's left out")
        #expect(year.map(\.participants) == [12, 43])
        #expect(try await fixture.service.trainings(year: 2024, by: bureau).count == 1)

        var unknown = brig
        unknown.id = 999
        let missing = await #expect(throws: RegistryError.self) { try await fixture.service.saveTraining(unknown, by: bureau) }
        #expect(missing?.kind == .notFound)
    }

    @Test func badRecordsAreRefusedWithEveryProblemAndOtherRolesAreRefused() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let bad = Training(kind: .training, title: " ", date: RegistryFixture.day(2025, 7, 1), region: .sion, language: .en, participants: 0)
        let error = await #expect(throws: RegistryError.self) { try await fixture.service.saveTraining(bad, by: RegistryFixture.bureau) }
        #expect(Set(error?.problems.map(\.field) ?? []) == ["title", "date", "language", "participants"], "the fixture's today is 30.06.2025")
        #expect(try await fixture.service.trainings(year: 2025, by: RegistryFixture.bureau).isEmpty)
        for actor in [fixture.aliceActor, RegistryActor(accountID: "c", role: .coordinator(.sion)), RegistryActor(accountID: "a", role: .admin)] {
            await #expect(throws: RegistryError.self) { try await fixture.service.trainings(year: 2025, by: actor) }
            let refused = await #expect(throws: RegistryError.self) {
                try await fixture.service.saveTraining(
                    Training(kind: .training, title: "T", date: RegistryFixture.day(2025, 1, 1), region: .sion, language: .fr, participants: 1),
                    by: actor
                )
            }
            #expect(refused?.kind == .forbidden)
        }
    }
}
