import CIICore
import Testing

@testable import CIIRegistry

struct RegistryValidationTests {
    let today = Day(year: 2025, month: 6, day: 30)!
    var context: ValidationContext {
        ValidationContext(
            today: today,
            documentCodes: [DocumentCode(code: "PROC", labelFR: "Procuration", labelDE: "Vollmacht", isPowerOfAttorney: true)],
            collaboratorIDs: [1, 2]
        )
    }

    func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    func problems(_ body: (inout Validation) -> Void) -> [String: RegistryProblemCode] {
        var validation = Validation(context: context)
        body(&validation)
        return Dictionary(validation.problems.map { ($0.field, $0.code) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func reportsEveryProblemOfAnAnnouncement() {
        let found = problems { validation in
            Announcement(
                region: .sion,
                announcedOn: day(2025, 3, 1),
                announcedToBureauOn: day(2025, 2, 1),
                followedSince: day(2025, 4, 1),
                ageGroup: .adult,
                dispositif: .orp
            ).validate(into: &validation)
            Announcement(region: .sion, announcedOn: day(2025, 7, 1), ageGroup: .adult, dispositif: .orp).validate(into: &validation, at: "future")
        }
        #expect(found["announcement.announcedOn"] == .dateOrder)
        #expect(found["announcement.announcedToBureauOn"] == .dateOrder)
        #expect(found["future.announcedOn"] == .dateOutOfRange)
        #expect(found.count == 3)
    }

    @Test func checksPersonCollaboratorsDocumentsLogbookMandateDecisionServices() {
        let found = problems { validation in
            _ = PersonDraft(
                avs: "756.9217.0769.84",
                surname: " ",
                firstName: String(repeating: "x", count: 101),
                birthDate: day(1890, 1, 1),
                sex: .male,
                language: .de,
                education: .none
            )
            .validated(into: &validation)
            CaseCollaborators(
                announcing: CaseCollaborator(collaboratorID: 9, function: .announcer),
                involved: [
                    CaseCollaborator(collaboratorID: 2, function: .respondent), CaseCollaborator(collaboratorID: 2, function: .partner),
                ]
            ).validate(into: &validation)
            validation.documents([
                CaseDocument(designation: "Procuration", code: "PROC", vaultID: "v1", size: 10, kind: "pdf"),
                CaseDocument(designation: "x", code: "NOPE", vaultID: "v2", size: 10, kind: "exe"),
                CaseDocument(
                    designation: "p",
                    code: "PROC",
                    vaultID: "v3",
                    size: 10,
                    kind: "pdf",
                    powerOfAttorney: PowerOfAttorney(start: day(2025, 1, 1), duration: 11, unit: .years)
                ),
            ])
            validation.logbook([LogbookEntry(date: day(2025, 1, 1), text: "", partners: [3])])
            validation.medicalMandate([SMRRequest(type: .expertise, date: day(2025, 1, 1), cost: Money(centimes: -1))])
            validation.decision(Decision(closedOn: day(2025, 1, 1)))
            validation.decision(Decision(openedOn: day(2025, 2, 1), closedOn: day(2025, 1, 1)), at: "decision2")
            validation.services([
                CaseService(type: .tro, start: day(2025, 2, 1), end: day(2025, 1, 1)),
                CaseService(type: .cmCII, start: day(2025, 2, 1), closingStatus: .reintegrated),
            ])
            validation.gravityReview(index: GravityIndex(hundredths: 700), overrideReason: "")
        }
        #expect(found["person.avs"] == .invalidAVS)
        #expect(found["person.surname"] == .required)
        #expect(found["person.firstName"] == .tooLong)
        #expect(found["person.birthDate"] == .dateOutOfRange)
        #expect(found["collaborators.announcing.collaboratorID"] == .unknownCode)
        #expect(found["collaborators.involved[1].collaboratorID"] == .notAllowed)
        #expect(found["documents[0].powerOfAttorney"] == .required)
        #expect(found["documents[1].code"] == .unknownCode)
        #expect(found["documents[1].kind"] == .unknownCode)
        #expect(found["documents[2].powerOfAttorney.duration"] == .outOfRange)
        #expect(found["logbook[0].text"] == .required)
        #expect(found["logbook[0].partners[0]"] == .unknownCode)
        #expect(found["medicalMandate[0].cost"] == .outOfRange)
        #expect(found["decision.openedOn"] == .required)
        #expect(found["decision2.closedOn"] == .dateOrder)
        #expect(found["services[0].end"] == .dateOrder)
        #expect(found["services[1].closingStatus"] == .notAllowed)
        #expect(found["gravity.index"] == .outOfRange)
        #expect(found["gravity.overrideReason"] == .required)
    }

    @Test func messagesSpeakEveryLanguageAndHideTheNumber() throws {
        var validation = Validation(context: context)
        _ = PersonDraft(
            avs: "756.9217.0769.84",
            surname: "A",
            firstName: "B",
            birthDate: day(1980, 1, 1),
            sex: .male,
            language: .de,
            education: .none
        )
        .validated(into: &validation)
        let problem = try #require(validation.problems.first)
        #expect(problem.message.fr.contains("AVS") && problem.message.de.contains("AHV"))
        let error = RegistryError.invalid(validation.problems)
        #expect(!error.description.contains("9217"))
        #expect(throws: RegistryError.self) { try validation.check() }
    }
}
