import CIICore
import CIIRegistry
import CIIRegistrySQLite
import Foundation

/// A registry on a real SQLite file in a temporary folder, with a small directory and code list.
struct RegistryFixture {
    let folder: String
    let key: RegistryKey
    let store: SQLiteRegistryStore
    let service: RegistryService
    /// Directory entries: two respondents and a coordinator.
    let alice: Int64
    let bruno: Int64
    static let today = Day(year: 2025, month: 6, day: 30)!
    static let bureau = RegistryActor(accountID: "bureau-1", role: .bureau)

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        key = RegistryKey.generate()
        store = try SQLiteRegistryStore(path: "\(folder)/registry.sqlite", key: key)
        let noon = Date(timeIntervalSince1970: TimeInterval(Self.today.daysSince1970) * 86_400 + 43_200)
        service = RegistryService(store: store, now: { noon })
        alice = try await service.saveCollaborator(
            Collaborator(
                name: "Alice Favre",
                dispositif: .orp,
                region: .sion,
                phone: "027 000 00 01",
                email: "alice@orp.example",
                function: .respondent
            ),
            by: Self.bureau
        ).id
        bruno = try await service.saveCollaborator(
            Collaborator(
                name: "Bruno Imboden",
                dispositif: .cms,
                region: .hautValais,
                phone: "027 000 00 02",
                email: "bruno@smz.example",
                function: .respondent
            ),
            by: Self.bureau
        ).id
        try await service.saveDocumentCode(
            DocumentCode(code: "PROC", labelFR: "Procuration CII", labelDE: "IIZ-Vollmacht", isPowerOfAttorney: true),
            by: Self.bureau
        )
        try await service.saveDocumentCode(DocumentCode(code: "RAP", labelFR: "Rapport", labelDE: "Bericht"), by: Self.bureau)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    var aliceActor: RegistryActor { RegistryActor(accountID: "alice", role: .respondent, collaboratorID: alice) }
    var brunoActor: RegistryActor { RegistryActor(accountID: "bruno", role: .respondent, collaboratorID: bruno) }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    /// A valid synthetic AVS number per `seed`.
    static func avs(_ seed: UInt64) -> AVSNumber { AVSNumber(completing: 756_000_000_000 + 100_000_000 + seed) }

    static func newCase(
        avs: AVSNumber,
        surname: String = "Müller",
        firstName: String = "Zoé",
        born: Day = day(1983, 5, 2),
        region: Region = .sion,
        dispositif: Dispositif = .orp,
        announced: Day = day(2025, 3, 1),
        situation: Situation = Situation(text: "Situation familiale difficile", riskFactors: [.noRecentEmployment, .finances, .training, .family])
    ) -> NewCase {
        NewCase(
            person: PersonDraft(
                avs: avs.formatted,
                surname: surname,
                firstName: firstName,
                birthDate: born,
                sex: .female,
                language: .fr,
                education: .none
            ),
            announcement: Announcement(region: region, announcedOn: announced, ageGroup: .adult, dispositif: dispositif),
            situation: situation
        )
    }
}
