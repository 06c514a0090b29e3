import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Foundation
import Testing

struct RegistryHistoryTests {
    @Test func recordsWhoWhenWhichFieldOldAndNew() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let day = RegistryFixture.day
        let created = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: fixture.aliceActor)
        var announcement = try #require(created.announcement)
        announcement.followedSince = day(2024, 9, 1)
        let changed = try await fixture.service.update(created.id, .announcement(announcement), ifMatch: created.etag, by: fixture.aliceActor)
        _ = try await fixture.service.update(
            created.id,
            .situation(Situation(text: "Nouvelle situation", riskFactors: [.addiction])),
            ifMatch: changed.etag,
            by: fixture.aliceActor
        )
        let history = try await fixture.service.history(created.id, by: RegistryFixture.bureau)
        #expect(history.first?.field == "case")
        let followed = try #require(history.first { $0.field == "announcement.followedSince" })
        #expect(followed.actor == "alice" && followed.oldValue == nil && followed.newValue == "\"2024-09-01\"")
        #expect(!followed.sealed)
        let text = try #require(history.first { $0.field == "situation.text" })
        #expect(text.sealed && text.oldValue == "\"Situation familiale difficile\"" && text.newValue == "\"Nouvelle situation\"")
        #expect(history.contains { $0.field == "gravity.computed" && $0.oldValue == "2.25" && $0.newValue == "0.75" })
        // A respondent's history leaves out the bureau's gravity index.
        let theirs = try await fixture.service.history(created.id, by: fixture.aliceActor)
        #expect(!theirs.isEmpty && !theirs.contains { $0.field.hasPrefix("gravity") })
        // An update that changes nothing records nothing and keeps the ETag.
        let current = try await fixture.service.readCase(created.id, by: fixture.aliceActor)
        let same = try await fixture.service.update(created.id, .announcement(announcement), ifMatch: current.etag, by: fixture.aliceActor)
        #expect(same.etag == current.etag)
        #expect(try await fixture.service.history(created.id, by: RegistryFixture.bureau).count == history.count)
    }

    @Test func cancellationLeavesEveryNormalViewAndTellsTheBureau() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let bureau = RegistryFixture.bureau
        let created = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(1)), by: fixture.aliceActor)
        await #expect(throws: RegistryError.self) {
            try await fixture.service.cancel(created.id, reason: "Doublon", ifMatch: created.etag, by: fixture.aliceActor)
        }
        let empty = await attempt { try await fixture.service.cancel(created.id, reason: "  ", ifMatch: created.etag, by: bureau) }
        #expect((empty.failure as? RegistryError)?.problems.map(\.field) == ["reason"])
        let stale = await attempt { try await fixture.service.cancel(created.id, reason: "Doublon", ifMatch: CaseETag(version: 9), by: bureau) }
        #expect((stale.failure as? RegistryError)?.kind == .conflict)

        let notice = try await fixture.service.cancel(created.id, reason: "Doublon du cas 12", ifMatch: created.etag, by: bureau)
        #expect(notice.kind == .cancellation && notice.caseID == created.id && notice.by == "bureau-1")
        #expect(try await fixture.service.notices(by: bureau).map(\.reason) == ["Doublon du cas 12"])
        // Out of the respondent's and coordinator's views, and out of the normal search.
        let read = await attempt { try await fixture.service.readCase(created.id, by: fixture.aliceActor) }
        #expect((read.failure as? RegistryError)?.kind == .notFound)
        let coordinator = RegistryActor(accountID: "c", role: .coordinator(.sion))
        #expect((await attempt { try await fixture.service.readCase(created.id, by: coordinator) }.failure as? RegistryError)?.kind == .notFound)
        #expect(try await fixture.service.search(RegistrySearch(), by: bureau).total == 0)
        #expect(try await fixture.service.search(RegistrySearch(), by: fixture.aliceActor).total == 0)
        // The bureau still reads it, for the audit, and finds it when it asks for cancelled cases.
        let kept = try await fixture.service.readCase(created.id, by: bureau)
        #expect(kept.status == .cancelled && kept.cancellation?.reason == "Doublon du cas 12")
        #expect(try await fixture.service.search(RegistrySearch(status: .cancelled), by: bureau).items.map(\.caseID) == [created.id])
        await #expect(throws: RegistryError.self) { try await fixture.service.search(RegistrySearch(status: .cancelled), by: fixture.aliceActor) }
        // It cannot be changed any more, and its history says who cancelled it (the reason sealed).
        let change = await attempt { try await fixture.service.update(created.id, .logbook([]), ifMatch: kept.etag, by: bureau) }
        #expect((change.failure as? RegistryError)?.kind == .invalid)
        let entry = try #require(try await fixture.service.history(created.id, by: bureau).first { $0.field == "cancellation.reason" })
        #expect(entry.sealed && entry.actor == "bureau-1")
    }
}

extension Result {
    /// The error, if any.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

struct RegistryPowerOfAttorneyTests {
    @Test func listsOpenCasesWhosePowerExpiredOrExpiresWithin30Days() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let day = RegistryFixture.day
        let bureau = RegistryFixture.bureau
        func power(_ start: Day, _ months: Int) -> CaseDocument {
            CaseDocument(
                designation: "Procuration",
                code: "PROC",
                vaultID: "v",
                size: 1,
                kind: "pdf",
                powerOfAttorney: PowerOfAttorney(start: start, duration: months, unit: .months)
            )
        }
        var ids = [Int64]()
        // Expired; expires in 20 days; valid for months; expired but renewed; expired but closed.
        let documents: [[CaseDocument]] = [
            [power(day(2024, 1, 1), 12)], [power(day(2024, 7, 20), 12)], [power(day(2025, 5, 1), 12)],
            [power(day(2023, 1, 1), 12), power(day(2025, 1, 1), 24)], [power(day(2024, 1, 1), 12)],
        ]
        for (index, list) in documents.enumerated() {
            let created = try await fixture.service.createCase(RegistryFixture.newCase(avs: RegistryFixture.avs(UInt64(index + 1))), by: bureau)
            var view = try await fixture.service.update(created.id, .documents(list), ifMatch: created.etag, by: bureau)
            if index == 4 {
                view = try await fixture.service.update(
                    created.id,
                    .decision(Decision(openedOn: day(2024, 1, 1), closedOn: day(2025, 1, 1))),
                    ifMatch: view.etag,
                    by: bureau
                )
            }
            ids.append(created.id)
        }
        let alerts = try await fixture.service.powersOfAttorney(on: RegistryFixture.today, by: bureau)
        #expect(alerts.map(\.caseID) == [ids[0], ids[1]])
        #expect(alerts.map(\.status) == [.expired, .expiresSoon])
        #expect(alerts.map(\.expiry) == [day(2025, 1, 1), day(2025, 7, 20)])
        await #expect(throws: RegistryError.self) { try await fixture.service.powersOfAttorney(on: RegistryFixture.today, by: fixture.aliceActor) }
    }
}
