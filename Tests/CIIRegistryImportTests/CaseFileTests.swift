import CIICore
import CIIImport
import CIIRegistry
import CIIRegistryImport
import Foundation
import Testing

/// Reading the registry's CSV format: headers in French and German, dialects, encodings, and the
/// problems of each row with the column they are about.
struct CaseFileTests {
    typealias F = CaseFileFixture

    @Test func aFrenchFileWithSemicolonsGivesEveryTab() throws {
        let file = try F.parse(F.csv(F.frenchHeader, [F.row(F.avs(1), [17: "30.06.2025", 21: "2025-06-01", 22: "réinséré-e"])]))
        #expect(file.delimiter == ";" && file.encoding == "utf-8" && file.rowsRead == 1)
        #expect(file.rejects(.en).isEmpty, "\(F.rejectsText(file))")
        let imported = try #require(file.cases.first)
        #expect(imported.line == 2)
        let item = imported.imported
        #expect(item.person.avs == F.avs(1).formatted && item.person.surname == "Müller" && item.person.firstName == "Zoé")
        #expect(item.person.birthDate == Day(year: 1983, month: 5, day: 2) && item.person.sex == .female)
        #expect(item.person.language == .fr && item.person.education == .secondaryII)
        #expect(item.announcement.region == .sion && item.announcement.requestedService == .tro && item.announcement.dispositif == .orp)
        #expect(item.announcement.announcedOn == Day(year: 2025, month: 3, day: 1) && item.announcement.ageGroup == .adult)
        #expect(item.announcement.announcedToBureauOn == Day(year: 2025, month: 3, day: 10))
        #expect(item.announcement.followedSince == Day(year: 2024, month: 1, day: 1))
        #expect(item.situation.text == "Situation familiale difficile")
        #expect(item.situation.riskFactors == [.noRecentEmployment, .finances, .training, .family])
        #expect(
            item.decision
                == Decision(openedOn: Day(year: 2025, month: 3, day: 15), closedOn: Day(year: 2025, month: 6, day: 30), dispositifInCharge: .orp)
        )
        #expect(
            item.services == [
                CaseService(
                    type: .tro,
                    start: Day(year: 2025, month: 3, day: 20)!,
                    end: Day(year: 2025, month: 6, day: 1),
                    closingStatus: .reintegrated
                )
            ]
        )
    }

    @Test func aGermanFileWithCommasAndQuotedFieldsReadsTheSame() throws {
        let situation = "Erste Zeile, mit Komma\nzweite Zeile mit \"Zitat\""
        let row = F.row(
            F.avs(2),
            [
                4: "Mann", 5: "Deutsch", 6: "Tertiärstufe", 7: "Oberwallis", 8: "", 12: "Jugendliche", 13: "RAV", 14: situation,
                15: "Sucht | mental_health",
            ]
        )
        let text = F.csv(F.germanHeader, [row], delimiter: ",", lineEnd: "\n")
        let file = try F.parse(text)
        #expect(file.delimiter == ",")
        #expect(file.rejects(.en).isEmpty, "\(F.rejectsText(file))")
        let item = try #require(file.cases.first).imported
        #expect(item.person.sex == .male && item.person.language == .de && item.person.education == .tertiary)
        #expect(item.announcement.region == .hautValais && item.announcement.ageGroup == .youth && item.announcement.dispositif == .orp)
        #expect(item.announcement.requestedService == nil)
        #expect(item.situation.text == situation)
        #expect(item.situation.riskFactors == [.mentalHealth, .addiction])
    }

    @Test func windows1252AndTechnicalKeysAreRead() throws {
        let header = [
            "avs", "surname", "first_name", "birth_date", "sex", "language", "education", "region", "announced_on", "age_group", "dispositif",
            "service2_type", "service2_start",
        ]
        let text = F.csv(
            header,
            [[F.avs(3).formatted, "Défago", "Zoé", "1983-05-02", "f", "FR", "none", "Sierre", "2025-02-01", "adulte", "cms", "CM_CII", "2025-02-03"]]
        )
        let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }  // all of it is Latin-1: Windows-1252 here
        let file = try RegistryCaseFile(bytes: bytes, today: F.today)
        #expect(file.encoding == "windows-1252")
        #expect(file.rejects(.en).isEmpty, "\(F.rejectsText(file))")
        let item = try #require(file.cases.first).imported
        #expect(item.person.surname == "Défago" && item.person.firstName == "Zoé" && item.announcement.region == .sierre)
        #expect(item.services == [CaseService(type: .cmCII, start: Day(year: 2025, month: 2, day: 3)!)])
    }

    @Test func everyProblemOfARowIsRejectedWithItsColumnAndNeverTheAVSNumber() throws {
        let bad = F.avs(4).formatted.dropLast() + (F.avs(4).formatted.hasSuffix("0") ? "1" : "0")  // wrong check digit
        let rows = [
            F.row(F.avs(5)),
            F.row(F.avs(6), [0: String(bad), 3: "31.02.1983", 7: "Lausanne", 15: "finances|luck", 21: "01.04.2025", 22: "done"]),
            F.row(F.avs(7), [9: "", 12: "", 17: "01.03.2025", 21: "2025-03-19", 22: "reintegrated"]),
            F.row(F.avs(8), [3: "01.01.2030", 11: "01.06.2025"]),
        ]
        let file = try F.parse(F.csv(F.frenchHeader, rows))
        #expect(file.rowsRead == 4 && file.cases.count == 1 && file.cases[0].line == 2)
        let rejects = file.rejects(.en)
        func on(_ line: Int) -> [String: String] {
            Dictionary(rejects.filter { $0.line == line }.map { ($0.column, $0.code) }, uniquingKeysWith: { $0 + "," + $1 })
        }
        #expect(
            on(3) == [
                "N° AVS": "invalid_avs", "Date de naissance": "invalid_date", "Région": "unknown_code", "Facteurs de risque": "unknown_code",
                "Prestation 1 statut": "unknown_code",
            ]
        )
        // Line 4: empty required cells; closed before opened; the service ended before it began.
        #expect(
            on(4) == [
                "Date annonce cas": "required", "Type de cas": "required", "Clôture CII": "date_order", "Prestation 1 fin": "date_order",
            ]
        )
        // Line 5: born in the future; followed since after the announcement.
        #expect(on(5) == ["Date de naissance": "date_out_of_range", "Date annonce cas": "date_order"])
        let text = RejectsFile.text(rejects)
        #expect(text.hasPrefix("line;column;code;reason\n"))
        for index in 4...8 {
            #expect(!text.contains(F.avs(index).formatted) && !text.contains(String(F.avs(index).digitsValue)))
        }
        #expect(!text.contains(String(bad)) && !F.holdsLongNumber(text), "no AVS number in the rejects: \(text)")
        #expect(!text.contains("Müller") && !text.contains("Lausanne"), "no cell value in the rejects")
        #expect(file.rejects(.de).contains { $0.reason.contains("Datum") })
    }

    @Test func aClosingStatusNeedsAnEndAndAGroupNeedsItsTypeAndStart() throws {
        let file = try F.parse(F.csv(F.frenchHeader, [F.row(F.avs(9), [19: "", 22: "other"]), F.row(F.avs(10), [20: ""])]))
        let rejects = file.rejects(.fr).map { "\($0.line) \($0.column) \($0.code)" }
        #expect(Set(rejects) == ["2 Prestation 1 required", "2 Prestation 1 statut not_allowed", "3 Prestation 1 début required"])
    }

    @Test func aBadFileIsRefusedNamingTheLineAndColumn() throws {
        func refusal(_ text: String) throws -> RegistryImportError {
            try #require(throws: RegistryImportError.self) { try F.parse(text) }
        }
        let unknown = try refusal("sep=;\n" + F.csv(F.frenchHeader + ["Remarque"], [F.row(F.avs(11)) + [""]]))
        #expect(unknown.code == .unknownColumn && unknown.reason.contains("Line 2: column 24 \"Remarque\""), "\(unknown)")
        let missing = try refusal(F.csv(F.frenchHeader.filter { $0 != "Sexe" && $0 != "Date annonce cas" }, []))
        #expect(missing.code == .missingColumn && missing.reason.contains("Sexe") && missing.reason.contains("Date annonce cas"), "\(missing)")
        let twice = try refusal(F.csv(F.frenchHeader + ["sex"], []))
        #expect(twice.code == .duplicateColumn && twice.reason.contains("columns 5 (\"Sexe\") and 24 (\"sex\")"), "\(twice)")
        // No header line: the first row is data, and the message repeats none of it.
        let headless = try refusal(F.csv(F.row(F.avs(12)), [F.row(F.avs(13))]))
        #expect(headless.code == .missingColumn && headless.reason.contains("no header line"), "\(headless)")
        #expect(!F.holdsLongNumber(headless.reason) && !headless.reason.contains("Müller"))
        let workbook = try #require(throws: RegistryImportError.self) {
            try RegistryCaseFile(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], today: F.today)
        }
        #expect(workbook.code == .notCSV && workbook.reason.contains("Excel"), "\(workbook)")
        #expect(try refusal("").code == .notCSV)
        let unclosed = try refusal(F.csv(F.frenchHeader, []) + "\"" + F.avs(14).formatted + ";Müller\n")
        #expect(unclosed.code == .notCSV && unclosed.reason.contains("line 2") && !F.holdsLongNumber(unclosed.reason), "\(unclosed)")
    }

    @Test func columnsWithoutAHeaderAreIgnoredUnlessARowFillsThem() throws {
        let header = F.frenchHeader + ["", ""]
        let file = try F.parse(F.csv(header, [F.row(F.avs(17)) + ["", ""], F.row(F.avs(18)) + ["", "oops"], F.row(F.avs(19))]))
        #expect(file.cases.map(\.line) == [2, 4])
        #expect(file.rejects(.en).map { "\($0.line) \($0.column) \($0.code)" } == ["3  row.unnamed_column"])
        #expect(file.rejects(.en).first?.reason.contains("Column 25") == true)
    }

    @Test func exportOnlyColumnsAreIgnoredAndCancelledRowsSkipped() throws {
        let header = F.frenchHeader + ["N° de cas", "Statut", "Indice de gravité"]
        let file = try F.parse(F.csv(header, [F.row(F.avs(15)) + ["12", "open", "2.5"], F.row(F.avs(16)) + ["13", "annulé", "1.0"]]))
        #expect(file.cases.count == 1)
        #expect(file.rejects(.en).map(\.code) == ["case.cancelled"])
        #expect(file.rejects(.en).first?.line == 3)
    }
}
