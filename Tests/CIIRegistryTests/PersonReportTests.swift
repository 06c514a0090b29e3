import CIICore
import CIIRegistry
import CIIRegistryImport
import Foundation
import Synchronization
import Testing

/// The right-of-access report, the export and the list of powers of attorney, on a real store.
struct PersonReportTests {
    /// A case of `avs` with every tab filled, and a second one cancelled.
    static func fill(_ fixture: RegistryFixture, avs: AVSNumber) async throws -> (open: Int64, cancelled: Int64) {
        let bureau = RegistryFixture.bureau
        let day = RegistryFixture.day
        let service = fixture.service
        let created = try await service.createCase(RegistryFixture.newCase(avs: avs), by: fixture.aliceActor)
        var view = created
        let changes: [CaseTabUpdate] = [
            .collaborators(
                CaseCollaborators(
                    announcing: CaseCollaborator(collaboratorID: fixture.alice, function: .announcer),
                    involved: [CaseCollaborator(collaboratorID: fixture.bruno, function: .respondent)]
                )
            ),
            .documents([
                CaseDocument(
                    designation: "Procuration signée",
                    code: "PROC",
                    vaultID: "d-1",
                    size: 1234,
                    kind: "pdf",
                    powerOfAttorney: PowerOfAttorney(start: day(2025, 1, 10), duration: 6, unit: .months)
                )
            ]),
            .logbook([LogbookEntry(date: day(2025, 4, 2), text: "Entretien avec l'ORP", partners: [fixture.bruno])]),
            .medicalMandate([SMRRequest(type: .expertise, date: day(2025, 4, 3), cost: Money(parsing: "1'250.10")!)]),
            .decision(Decision(openedOn: day(2025, 3, 10), dispositifInCharge: .orp)),
            .services([CaseService(type: .tro, start: day(2025, 3, 20), end: day(2025, 5, 1), closingStatus: .reintegrated)]),
            .gravity(.confirm),
        ]
        for change in changes { view = try await service.update(view.id, change, ifMatch: view.etag, by: bureau) }
        let second = try await service.createCase(
            RegistryFixture.newCase(avs: avs, dispositif: .cms, announced: day(2025, 5, 5)),
            by: fixture.aliceActor
        )
        try await service.cancel(second.id, reason: "Doublon du cas \(created.id)", ifMatch: second.etag, by: bureau)
        return (created.id, second.id)
    }

    @Test func theReportHoldsEveryTabEveryCaseTheHistoryTheNoticesAndTheLog() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let avs = RegistryFixture.avs(7)
        let (open, cancelled) = try await Self.fill(fixture, avs: avs)
        _ = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(8), surname: "Autre"), by: fixture.aliceActor)
        let asked = Mutex<Set<String>>([])
        let logged = PersonReportAccess(
            seq: 4,
            time: Date(timeIntervalSince1970: 1_750_000_000),
            kind: "registry_read",
            actor: "account:3 (Alice)",
            subject: "case:\(open)",
            outcome: "ok",
            details: [.init(key: "what", value: "case")]
        )
        let report = try #require(
            try await fixture.service.personReport(avs: avs, by: RegistryFixture.bureau) { subjects in
                asked.withLock { $0 = subjects }
                return [logged]
            }
        )
        #expect(report.person.avs == avs && report.person.surname == "Müller")
        #expect(asked.withLock { $0 } == ["person:\(report.personID)", "case:\(open)", "case:\(cancelled)"])
        #expect(report.accessLog == [logged])
        #expect(report.cases.map(\.period.id) == [open, cancelled])
        let first = try #require(report.cases.first)
        #expect(!first.cancelled && first.period.status == .open && first.period.person == nil)
        let tabs = first.period
        #expect(tabs.announcement?.dispositif == .orp && tabs.situation?.text == "Situation familiale difficile")
        #expect(tabs.gravity?.review != nil && tabs.collaborators?.involved.count == 1)
        #expect(tabs.documents?.first?.designation == "Procuration signée" && tabs.documents?.first?.powerOfAttorney?.expiry != nil)
        #expect(tabs.logbook?.first?.text == "Entretien avec l'ORP" && tabs.medicalMandate?.count == 1)
        #expect(tabs.decision?.openedOn != nil && tabs.services?.first?.closingStatus == .reintegrated)
        #expect(first.history.contains { $0.field == "case" } && first.history.contains { $0.field.hasPrefix("logbook") })
        let second = try #require(report.cases.last)
        #expect(second.cancelled && second.period.status == .cancelled && second.period.cancellation?.reason == "Doublon du cas \(open)")
        #expect(second.history.contains { $0.field.hasPrefix("cancellation") })
        #expect(report.notices.map(\.caseID) == [cancelled])
        #expect(Set(report.collaborators.map(\.id)) == [fixture.alice, fixture.bruno])
        #expect(report.documentCodes.map(\.code) == ["PROC"])
    }

    @Test func onlyTheBureauAndOnlyAKnownPerson() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        _ = try await Self.fill(fixture, avs: RegistryFixture.avs(7))
        for actor in [fixture.aliceActor, RegistryActor(accountID: "c", role: .coordinator(.sion)), RegistryActor(accountID: "a", role: .admin)] {
            let refused = await attempt { try await fixture.service.personReport(avs: RegistryFixture.avs(7), by: actor) { _ in [] } }
            #expect((refused.failure as? RegistryError)?.kind == .forbidden)
        }
        let unknown = try await fixture.service.personReport(avs: RegistryFixture.avs(9), by: RegistryFixture.bureau) { _ in [] }
        #expect(unknown == nil)
        struct Broken: Error {}
        let broken = await attempt {
            try await fixture.service.personReport(avs: RegistryFixture.avs(7), by: RegistryFixture.bureau) { _ in throw Broken() }
        }
        #expect((broken.failure as? RegistryError)?.kind == .unavailable, "no report without its access log")
    }

    @Test func theExportHasOneRowPerCasePeriodInTheImportsFormat() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let avs = RegistryFixture.avs(7)
        let (open, cancelled) = try await Self.fill(fixture, avs: avs)
        _ = try await fixture.service.createCase(
            RegistryFixture.newCase(
                avs: RegistryFixture.avs(8),
                surname: "Dupont; \"dit Jo\"",
                situation: Situation(text: "Ligne 1\nLigne 2", riskFactors: [.finances, .housing])
            ),
            by: fixture.aliceActor
        )
        let refused = await attempt { try await fixture.service.exportCases(includeCancelled: false, by: fixture.aliceActor) }
        #expect((refused.failure as? RegistryError)?.kind == .forbidden)
        let periods = try await fixture.service.exportCases(includeCancelled: false, by: RegistryFixture.bureau)
        #expect(periods.count == 2 && !periods.contains { $0.id == cancelled })
        let all = try await fixture.service.exportCases(includeCancelled: true, by: RegistryFixture.bureau)
        #expect(all.map(\.id) == all.map(\.id).sorted() && all.count == 3)

        let csv = CaseExport.csv(all, language: .fr)
        #expect(csv.hasPrefix("\u{FEFF}N° de cas;Statut;N° AVS;Nom;Prénom;Date de naissance;"))
        let lines = csv.dropFirst().components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(";Prestation 1;Prestation 1 début;Prestation 1 fin;Prestation 1 statut"))
        let row = try #require(lines.first { $0.hasPrefix("\(open);") })
        #expect(row.hasPrefix("\(open);open;\(avs.formatted);Müller;Zoé;02.05.1983;F;fr;none;SIO;;01.03.2025;;;adult;ORP;"))
        #expect(
            row.contains(";no_recent_employment|finances|training|family;")
                && row.hasSuffix(";10.03.2025;;ORP;TRO;20.03.2025;01.05.2025;reintegrated")
        )
        #expect(lines.contains { $0.hasPrefix("\(cancelled);cancelled;") })
        #expect(csv.contains(";\"Dupont; \"\"dit Jo\"\"\";") && csv.contains(";\"Ligne 1\nLigne 2\";"), "quoted as RFC 4180")
        let german = CaseExport.csv(periods, language: .de)
        #expect(german.hasPrefix("\u{FEFF}Fall-Nr.;Status;AHV-Nr.;Name;Vorname;Geburtsdatum;") && german.contains(";Leistung 1 Beginn;"))
    }

    @Test func powersOfAttorneyWithinAnyNumberOfDaysWithTheirDesignation() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let (open, _) = try await Self.fill(fixture, avs: RegistryFixture.avs(7))
        // The power of attorney runs from 10.01.2025 for 6 months: until 10.07.2025.
        let day = RegistryFixture.day
        let bureau = RegistryFixture.bureau
        #expect(try await fixture.service.powersOfAttorney(on: day(2025, 5, 1), by: bureau).isEmpty)
        let ahead = try await fixture.service.powersOfAttorney(on: day(2025, 5, 1), within: 90, by: bureau)
        #expect(ahead.map(\.caseID) == [open] && ahead.first?.status == .expiresSoon && ahead.first?.designation == "Procuration signée")
        let soon = try await fixture.service.powersOfAttorney(on: day(2025, 6, 30), by: bureau)
        #expect(soon.first?.status == .expiresSoon && soon.first?.expiry == day(2025, 7, 10))
        let late = try await fixture.service.powersOfAttorney(on: day(2025, 7, 11), within: 0, by: bureau)
        #expect(late.first?.status == .expired)
    }
}
