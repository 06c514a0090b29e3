import CIICore
import CIIStore
import Foundation
import Testing

@testable import CIIImport

@Suite("Dossier reference column")
struct ReferenceTests {
    let avs = Fixture.known

    @Test(
        "French, German and English reference headers",
        arguments: [
            "N° AVS;Début du suivi;Dernier suivi;Référence", "N° AVS;Début du suivi;Dernier suivi;reference dossier",
            "no AVS;date début;date de fin;N° dossier", "NAVS;début;fin;no dossier", "AVS;début;fin;Numéro de dossier",
            "AVS;début;fin;DOSSIER", "AHV-Nr.;Beginn;Ende;Dossiernummer", "AHV-Nr;Beginn;Ende;Dossier-Nr.", "AHV;Beginn;Ende;Fallnummer",
            "AHVN13;Beginn;Ende;Referenz", "AHV;Beginn;Ende;Dossier-ID", "AVS number;start;end;case", "SSN;start date;end date;Case number",
            "SSN;start;end;case id", "SSN;start;end; Case-ID ",
        ]
    )
    func headers(header: String) throws {
        let export = try Fixture.parse("\(header)\n\(avs.formatted);01.02.2020;10.03.2025;D-2024/0017\n")
        #expect(export.rejects.isEmpty)
        let followUp = try #require(Fixture.followUp(export, avs))
        #expect(followUp.reference == "D-2024/0017")
        #expect(followUp.caseworker == nil)
    }

    @Test("caseworker and reference side by side; a référent is still a caseworker; the column is optional")
    func besideCaseworker() throws {
        #expect(ColumnRole.role(ofHeader: "Référent") == .caseworker)
        #expect(ColumnRole.role(ofHeader: "Référence") == .reference)
        let export = try Fixture.parse(
            "Référent;N° AVS;Référence;Début;Fin\ncw-3;\(avs.formatted); 2024-117 ;01.02.2020;\nx;\(Fixture.avs(1).formatted);;01.02.2020;\n"
        )
        #expect(export.rejects.isEmpty)
        let first = try #require(Fixture.followUp(export, avs))
        #expect(first.caseworker == "cw-3" && first.reference == "2024-117")
        #expect(try #require(Fixture.followUp(export, Fixture.avs(1))).reference == nil)
        let without = try Fixture.parse("AVS;start;end\n\(avs.formatted);01.02.2020;\n")
        #expect(try #require(Fixture.followUp(without, avs)).reference == nil)
    }

    @Test("two reference columns are refused like any column named twice")
    func twoReferenceColumns() throws {
        let error = #expect(throws: ImportError.self) { try Fixture.parse("AVS;début;fin;Dossier;Fallnummer\n") }
        #expect(error?.code == .duplicateColumn)
        #expect(error?.reason.contains("dossier reference") == true)
    }

    @Test("a reference that looks like an AVS number rejects the row, and the reason does not repeat it")
    func avsLookalike() throws {
        let lookalikes = [
            "756.9217.0769.85", "7569217076985", "756 9217 0769 85", "756\u{A0}9217\u{A0}0769\u{A0}85", "756-9217-0769-85",
            "756.9217.0769.84",  // a wrong check digit is still an AVS number mistyped
            "NAVS 756.9217.0769.85", "ORP/7569217076985", "756.9217.0769.85-01", "2024 7569217076985",
        ]
        let accepted = ["D-2024-0017", "756-2024", "856.9217.0769.85", "7569217076", "1000000000000000000", "756..9217.0769.85"]
        let cells = lookalikes + accepted
        let text =
            "AVS;start;end;N° dossier\n"
            + cells.enumerated().map { "\(Fixture.avs($0.offset).formatted);01.01.2020;;\($0.element)" }.joined(separator: "\n")
        let export = try Fixture.parse(text, maximumRejectedPercent: 100)
        #expect(export.rejects.map(\.line) == Array(2..<(2 + lookalikes.count)))
        #expect(export.rejects.allSatisfy { $0.code == "reference.is_avs" && $0.column == "N° dossier" })
        for reject in export.rejects {
            #expect(!Fixture.holdsLongNumber(reject.reason))
            #expect(!reject.reason.contains("9217") && !reject.reason.contains("0769"))
            #expect(reject.reason.contains("looks like an AVS number"))
        }
        for (offset, cell) in accepted.enumerated() {
            #expect(Fixture.followUp(export, Fixture.avs(lookalikes.count + offset))?.reference == cell)
        }
    }

    @Test("the AVS lookalike rule on its own")
    func lookalikeRule() {
        #expect(ReferenceField.holdsAVSNumber("7560000000000"))
        #expect(ReferenceField.holdsAVSNumber("x756.0000.0000.00y"))
        #expect(!ReferenceField.holdsAVSNumber("75600000000001"))  // 14 digits, no valid AVS number inside
        #expect(ReferenceField.holdsAVSNumber("1" + String(Fixture.known.digitsValue) + "2"))  // a valid one inside
        #expect(!ReferenceField.holdsAVSNumber("756.9217. 0769.85"))  // two separators in a row split the number
        #expect(!ReferenceField.holdsAVSNumber(""))
        #expect(!ReferenceField.holdsAVSNumber("Dupont"))
    }

    @Test("references: trimmed, up to 64 characters, no control characters, with precise codes")
    func lengthAndControls() throws {
        let cells = ["\u{A0} R-1 \u{A0}", String(repeating: "ü", count: 64), String(repeating: "ü", count: 65), "a\tb", "a\u{85}b", "  "]
        let text =
            "AVS;start;end;Fallnummer\n"
            + cells.enumerated().map { "\(Fixture.avs($0.offset).formatted);01.01.2020;;\($0.element)" }.joined(separator: "\n")
        let export = try Fixture.parse(text, maximumRejectedPercent: 100)
        #expect(Fixture.followUp(export, Fixture.avs(0))?.reference == "R-1")
        #expect(Fixture.followUp(export, Fixture.avs(1))?.reference == String(repeating: "ü", count: 64))
        #expect(export.rejects.map(\.line) == [4, 5, 6])
        #expect(export.rejects.map(\.code) == ["reference.too_long", "reference.control", "reference.control"])
        #expect(export.rejects.allSatisfy { $0.column == "Fallnummer" })
        #expect(export.rejects[0].reason.hasPrefix("The dossier reference is longer than 64 characters."))
        #expect(export.rejects[1].reason.contains("control character"))
        #expect(export.rejects[0].reason.hasSuffix("(AVS \(Fixture.avs(2).masked))"))
        #expect(try #require(Fixture.followUp(export, Fixture.avs(5))).reference == nil)
    }

    @Test("the same person twice keeps the reference of the row that wins, with its caseworker")
    func duplicates() throws {
        let export = try Fixture.parse(
            """
            AVS;start;end;caseworker;dossier
            \(avs.formatted);2021-01-01;2023-01-01;a;R-a
            \(String(avs.digitsValue));2020-05-01;2024-02-01;b;R-b
            756 9217 0769 85;2022-01-01;2022-12-01;c;R-c
            \(Fixture.avs(1).formatted);2022-01-01;2022-12-01;;R-d
            \(Fixture.avs(1).formatted);2022-01-01;2022-12-01;e;
            """
        )
        let merged = try #require(Fixture.followUp(export, avs))
        #expect(merged.caseworker == "b" && merged.reference == "R-b")
        // Same last follow-up: the row naming a caseworker wins, and its (empty) reference comes with it.
        let tie = try #require(Fixture.followUp(export, Fixture.avs(1)))
        #expect(tie.caseworker == "e" && tie.reference == nil)
    }

    @Test("a caseworker cell that looks like an AVS number rejects the row too, without repeating it")
    func caseworkerAVSLookalike() throws {
        let text = "AVS;start;end;Collaborateur\n\(avs.formatted);01.01.2020;;756.9217.0769.85\n\(Fixture.avs(1).formatted);01.01.2020;;cw-7569\n"
        let export = try Fixture.parse(text, maximumRejectedPercent: 100)
        #expect(export.rejects.count == 1)
        let reject = try #require(export.rejects.first)
        #expect(reject.code == "caseworker.is_avs" && reject.column == "Collaborateur")
        #expect(!reject.reason.contains("9217") && !reject.reason.contains("0769"))
        #expect(try #require(Fixture.followUp(export, Fixture.avs(1))).caseworker == "cw-7569")
    }
}
