import CIICore
import CIIRegistry
import Foundation
import Testing

struct RegistryInvoiceTests {
    @Test func sumsTheYearsRequestsPerAnnouncingDispositifExactly() async throws {
        let fixture = try await RegistryFixture()
        defer { fixture.remove() }
        let day = RegistryFixture.day
        let bureau = RegistryFixture.bureau
        let mandates: [(Dispositif, [SMRRequest])] = [
            (
                .orp,
                [
                    SMRRequest(type: .expertise, date: day(2024, 3, 1), cost: Money(parsing: "1'250.10")!),
                    SMRRequest(type: .consultation, date: day(2024, 4, 1), cost: Money(parsing: "0.20")!),
                ]
            ),
            (
                .orp,
                [
                    SMRRequest(type: .fileReview, date: day(2024, 12, 31), cost: Money(parsing: "300")!),
                    SMRRequest(type: .fileReview, date: day(2025, 1, 1), cost: Money(parsing: "999")!),
                ]
            ),
            (.cms, [SMRRequest(type: .assessment, date: day(2024, 6, 1), cost: Money(parsing: "0.10")!)]),
            (.oai, [SMRRequest(type: .other, date: day(2023, 6, 1), cost: Money(parsing: "50")!)]),
        ]
        for (index, (dispositif, requests)) in mandates.enumerated() {
            let created = try await fixture.service.createCase(
                RegistryFixture.newCase(avs: RegistryFixture.avs(UInt64(index + 1)), dispositif: dispositif),
                by: bureau
            )
            let view = try await fixture.service.update(created.id, .medicalMandate(requests), ifMatch: created.etag, by: bureau)
            if index == 1 { try await fixture.service.cancel(created.id, reason: "Doublon", ifMatch: view.etag, by: bureau) }
        }
        let summary = try await fixture.service.medicalInvoices(year: 2024, by: bureau)
        #expect(
            summary.lines == [
                MedicalInvoiceLine(dispositif: .orp, cases: 2, requests: 3, total: Money(centimes: 155_030)),
                MedicalInvoiceLine(dispositif: .cms, cases: 1, requests: 1, total: Money(centimes: 10)),
            ]
        )
        #expect(summary.total == Money(centimes: 155_040))
        #expect(summary.csv(.de) == "stelle;faelle;auftraege;total_chf\r\nRAV;2;3;1550.30\r\nSMZ;1;1;0.10\r\nTOTAL;3;4;1550.40\r\n")
        let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        #expect(json.contains("\"1550.40\""))
        let coordinator = RegistryActor(accountID: "c", role: .coordinator(.sion))
        await #expect(throws: RegistryError.self) { try await fixture.service.medicalInvoices(year: 2024, by: coordinator) }
    }
}
