import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Foundation
import Testing

struct RegistryEncryptionAtRestTests {
    /// Every byte of every file of the folder.
    func files(in folder: String) throws -> [(String, Data)] {
        try FileManager.default.contentsOfDirectory(atPath: folder).map { ($0, try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\($0)"))) }
    }

    @Test func thePlainAVSNumberAndTheTextsAppearInNoFileOfTheDataFolder() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let avs = RegistryFixture.avs(424_242)
        let situation = "Hospitalisation psychiatrique en 2024, dettes importantes"
        let logbook = "Rencontre avec la curatrice au sujet du loyer"
        let reason = "Annulé: personne déménagée à Genève"
        let created = try await fixture.service.createCase(
            RegistryFixture.newCase(avs: avs, situation: Situation(text: situation, riskFactors: [.mentalHealth, .finances])),
            by: fixture.aliceActor
        )
        let logged = try await fixture.service.update(
            created.id,
            .logbook([LogbookEntry(date: RegistryFixture.day(2025, 5, 1), text: logbook)]),
            ifMatch: created.etag,
            by: fixture.aliceActor
        )
        _ = try await fixture.service.update(
            created.id,
            .situation(Situation(text: "Suite: \(situation)")),
            ifMatch: logged.etag,
            by: fixture.aliceActor
        )
        let current = try await fixture.service.readCase(created.id, by: RegistryFixture.bureau)
        try await fixture.service.cancel(created.id, reason: reason, ifMatch: current.etag, by: RegistryFixture.bureau)

        let digits = avs.withDigits { String(decoding: $0, as: UTF8.self) }
        let needles = [digits, avs.formatted, situation, "Hospitalisation", logbook, "curatrice", reason, "Genève", "mental_health"]
        // Before a checkpoint (the WAL holds the writes) and after it.
        for stage in ["wal", "checkpointed"] {
            if stage == "checkpointed" { try fixture.store.checkpoint() }
            let found = try files(in: fixture.folder)
            #expect(found.contains { $0.0 == "registry.sqlite" })
            for (name, bytes) in found {
                for needle in needles { #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(stage): \(name) holds a secret") }
            }
            // The searchable name is there in plain, as documented (so the search really reads files).
            #expect(found.contains { $0.1.range(of: Data("Müller".utf8)) != nil }, "\(stage)")
        }
        // And it is all still readable with the key.
        let found = try await fixture.service.search(RegistrySearch(avs: avs, status: .cancelled), by: RegistryFixture.bureau)
        #expect(found.items.map(\.caseID) == [created.id])
    }
}
