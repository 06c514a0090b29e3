import CIICore
import Foundation
import Testing

@testable import CIIRegistry

struct RegistryAccessTests {
    static let respondent = RegistryActor(accountID: "r", role: .respondent, collaboratorID: 1)
    static let coordinator = RegistryActor(accountID: "c", role: .coordinator(.sion))
    static let bureau = RegistryActor(accountID: "b", role: .bureau)
    static let admin = RegistryActor(accountID: "a", role: .admin)

    @Test func tabsPerRole() {
        let respondentTabs: Set<CaseTab> = [.person, .announcement, .situation, .collaborators, .documents, .logbook]
        for tab in CaseTab.allCases {
            #expect(RegistryAccess.canRead(tab, Self.respondent) == (respondentTabs.contains(tab) || tab == .history), "\(tab)")
            #expect(RegistryAccess.canWrite(tab, Self.respondent) == respondentTabs.contains(tab), "\(tab)")
            #expect(RegistryAccess.canRead(tab, Self.coordinator) == ![.gravity, .medicalMandate].contains(tab), "\(tab)")
            #expect(RegistryAccess.canWrite(tab, Self.coordinator) == [.decision, .services].contains(tab), "\(tab)")
            #expect(RegistryAccess.canRead(tab, Self.bureau))
            #expect(RegistryAccess.canWrite(tab, Self.bureau) == (tab != .history))
            #expect(!RegistryAccess.canRead(tab, Self.admin) && !RegistryAccess.canWrite(tab, Self.admin))
        }
    }

    @Test func operationsPerRole() {
        let expected: [RegistryOperation: Set<String>] = [
            .createCase: ["r", "b"], .search: ["r", "c", "b"], .cancelCase: ["b"], .readNotices: ["b"],
            .manageDirectory: ["b", "a"], .manageCodeLists: ["b", "a"], .manageUsers: ["a"], .readCancelled: ["b"],
            .listPowersOfAttorney: ["b"], .invoices: ["b"], .importCases: ["b"], .personReport: ["b"], .export: ["b"], .manageTrainings: ["b"],
            .annualReport: ["b"],
        ]
        for operation in RegistryOperation.allCases {
            for actor in [Self.respondent, Self.coordinator, Self.bureau, Self.admin] {
                #expect(RegistryAccess.allows(operation, actor) == expected[operation]!.contains(actor.accountID), "\(operation) \(actor.accountID)")
            }
        }
    }

    @Test func scopes() throws {
        let person = Person(
            avs: try AVSNumber("756.9217.0769.85"),
            surname: "A",
            firstName: "B",
            birthDate: Day(year: 1980, month: 1, day: 1)!,
            sex: .male,
            language: .fr,
            education: .none
        )
        var period = CasePeriod(
            person: person,
            announcement: Announcement(region: .sion, announcedOn: Day(year: 2025, month: 1, day: 1)!, ageGroup: .adult, dispositif: .orp),
            collaborators: CaseCollaborators(involved: [CaseCollaborator(collaboratorID: 1, function: .respondent)])
        )
        #expect(RegistryAccess.sees(period, Self.respondent))
        #expect(!RegistryAccess.sees(period, RegistryActor(accountID: "r2", role: .respondent, collaboratorID: 2)))
        #expect(!RegistryAccess.sees(period, RegistryActor(accountID: "r3", role: .respondent)))
        #expect(RegistryAccess.sees(period, Self.coordinator))
        #expect(!RegistryAccess.sees(period, RegistryActor(accountID: "c2", role: .coordinator(.monthey))))
        #expect(RegistryAccess.sees(period, Self.bureau))
        #expect(!RegistryAccess.sees(period, Self.admin))
        period.cancellation = Cancellation(reason: "doublon", by: "b", at: .init())
        #expect(!RegistryAccess.sees(period, Self.respondent) && !RegistryAccess.sees(period, Self.coordinator))
        #expect(RegistryAccess.sees(period, Self.bureau))
    }
}
