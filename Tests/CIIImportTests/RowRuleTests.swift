import CIICore
import CIIImport
import CIIStore
import Testing

@Suite("Row rules")
struct RowRuleTests {
    @Test("every kind of bad row, with its line, column and code, and no AVS number in any reason")
    func badRows() throws {
        let long = String(repeating: "x", count: 65)
        let rows = [
            "\(Fixture.known.formatted);01.02.2020;10.03.2025;Dupont;ab12",  // 2: valid
            "756.9217.0769.84;01.02.2020;10.03.2025;X;c",  // 3
            "756.9217.0769;01.02.2020;;X;c",  // 4
            "856.9217.0769.85;01.02.2020;;X;c",  // 5
            "756.92A7.0769.85;01.02.2020;;X;c",  // 6
            ";01.02.2020;;X;c",  // 7
            "\(Fixture.avs(1).formatted);;10.03.2025;X;c",  // 8
            "\(Fixture.avs(2).formatted);32.01.2020;;X;c",  // 9
            "\(Fixture.avs(3).formatted);01.07.2025;;X;c",  // 10
            "\(Fixture.avs(4).formatted);01.02.2020;soon;X;c",  // 11
            "\(Fixture.avs(5).formatted);01.02.2020;01.01.2019;X;c",  // 12
            "\(Fixture.avs(6).formatted);01.02.2020",  // 13
            "\(Fixture.avs(7).formatted);01.02.2020;;X;\(long)",  // 14
            "\(Fixture.avs(8).formatted);01.02.2020;;X;a\tb",  // 15
            "\(Fixture.avs(9).formatted);01.02.2020;;X;\"a\nb\"",  // 16–17
            "\(Fixture.avs(10).formatted);01.02.2020;",  // 18: valid, shorter than the header
            "\(Fixture.avs(11).formatted);01.02.2020;;X;c;extra;more",  // 19: valid, longer
        ]
        let text = "N° AVS;Début du suivi;Dernier suivi;Nom;Conseiller\n" + rows.joined(separator: "\n") + "\n"
        let export = try Fixture.parse(text, maximumRejectedPercent: 100)
        let expected: [(Int, String, String)] = [
            (3, "N° AVS", "avs.wrong_check_digit"), (4, "N° AVS", "avs.wrong_length"), (5, "N° AVS", "avs.wrong_prefix"),
            (6, "N° AVS", "avs.invalid_character"), (7, "N° AVS", "avs.empty"), (8, "Début du suivi", "date.start_invalid"),
            (9, "Début du suivi", "date.start_invalid"), (10, "Début du suivi", "date.start_in_future"),
            (11, "Dernier suivi", "date.last_invalid"), (12, "Dernier suivi", "date.last_before_start"),
            (13, "Dernier suivi", "row.too_few_fields"), (14, "Conseiller", "caseworker.invalid"), (15, "Conseiller", "caseworker.invalid"),
            (16, "Conseiller", "caseworker.invalid"),
        ]
        #expect(export.rejects.map(\.line) == expected.map(\.0))
        #expect(export.rejects.map(\.column) == expected.map(\.1))
        #expect(export.rejects.map(\.code) == expected.map(\.2))
        #expect(export.rowsRead == 17)
        #expect(export.followUps.count == 3)
        #expect(Fixture.followUp(export, Fixture.avs(10))?.caseworker == nil)
        #expect(Fixture.followUp(export, Fixture.avs(11))?.caseworker == "c")

        let wrongCheck = try #require(export.rejects.first)
        #expect(wrongCheck.reason == AVSNumberError(.wrongCheckDigit).message(.en))
        #expect(export.rejects[7].reason.hasSuffix("(AVS \(Fixture.avs(3).masked))"))
        for reject in export.rejects {
            #expect(!Fixture.holdsLongNumber(reject.reason), "\(reject.code)")
            #expect(!reject.reason.isEmpty)
        }
        for index in 1...11 {
            let digits = String(Fixture.avs(index).digitsValue)
            #expect(!export.rejects.contains { $0.reason.contains(digits) || $0.reason.contains(Fixture.avs(index).formatted) })
        }
    }

    @Test("both date formats, and an empty last date meaning an ongoing follow-up")
    func dates() throws {
        let export = try Fixture.parse(
            "AVS;start;end\n\(Fixture.avs(1).formatted);2020-02-01;2024-12-31\n\(Fixture.avs(2).formatted);1.2.2020;31.12.2024\n\(Fixture.avs(3).formatted);01/02/2020;  \n"
        )
        #expect(export.rejects.isEmpty)
        for index in 1...2 {
            let followUp = try #require(Fixture.followUp(export, Fixture.avs(index)))
            #expect(followUp.startedOn == Fixture.day("2020-02-01"))
            #expect(followUp.lastOn == Fixture.day("2024-12-31"))
        }
        #expect(Fixture.followUp(export, Fixture.avs(3))?.lastOn == Fixture.today)
        #expect(export.clampedToToday == 0)
    }

    @Test("a last follow-up after today is set to today and counted")
    func clamping() throws {
        let export = try Fixture.parse(
            "AVS;start;end\n\(Fixture.avs(1).formatted);2020-02-01;2026-01-01\n\(Fixture.avs(2).formatted);2025-06-15;2025-06-16\n"
        )
        #expect(export.clampedToToday == 2)
        #expect(Fixture.followUp(export, Fixture.avs(1))?.lastOn == Fixture.today)
        #expect(Fixture.followUp(export, Fixture.avs(2))?.lastOn == Fixture.today)
    }

    @Test("the window's edge: exactly three years is kept, a day older is not")
    func windowEdge() throws {
        let export = try Fixture.parse(
            """
            AVS;start;end
            \(Fixture.avs(1).formatted);01.01.2020;15.06.2022
            \(Fixture.avs(2).formatted);01.01.2020;14.06.2022
            \(Fixture.avs(3).formatted);01.01.2010;31.12.2012
            """
        )
        #expect(export.followUps.count == 1)
        #expect(Fixture.followUp(export, Fixture.avs(1)) != nil)
        #expect(export.outsideWindow == 2)
        #expect(export.rejects.isEmpty)
    }

    @Test("the same person twice is one follow-up: earliest start, latest last, that row's caseworker")
    func duplicates() throws {
        let avs = Fixture.known
        let export = try Fixture.parse(
            """
            AVS;start;end;caseworker
            \(avs.formatted);2021-01-01;2023-01-01;a
            \(String(avs.digitsValue));2020-05-01;2024-02-01;b
            756 9217 0769 85;2022-01-01;2022-12-01;c
            \(Fixture.avs(1).formatted);2022-01-01;2022-12-01;d
            """
        )
        #expect(export.followUps.count == 2)
        #expect(export.duplicatesMerged == 2)
        let merged = try #require(Fixture.followUp(export, avs))
        #expect(merged.startedOn == Fixture.day("2020-05-01"))
        #expect(merged.lastOn == Fixture.day("2024-02-01"))
        #expect(merged.caseworker == "b")
        #expect(merged.epoch == .first)
        #expect(merged.fingerprint == Fixture.fingerprinter.fingerprint(avs))
    }

    @Test("every row is counted once")
    func accounting() throws {
        var lines = ["AVS;start;end"]
        for index in 0..<40 {
            let avs = Fixture.avs(index % 30).formatted
            switch index % 4 {
            case 0: lines.append("\(avs);01.01.2020;")
            case 1: lines.append("\(avs);01.01.2010;01.01.2011")
            case 2: lines.append("\(avs);bad;")
            default: lines.append("\(avs);01.01.2021;01.01.2024")
            }
        }
        let export = try Fixture.parse(lines.joined(separator: "\n"), maximumRejectedPercent: 100)
        #expect(export.rowsRead == 40)
        #expect(export.rowsRead == export.followUps.count + export.rejects.count + export.outsideWindow + export.duplicatesMerged)
    }

    @Test("a quoted field running over several lines with the wrong number of fields is rejected")
    func unbalancedQuote() throws {
        let text =
            "AVS;Name;start;end\n\(Fixture.avs(1).formatted);\"Dupont;01.01.2020;\n\(Fixture.avs(2).formatted);x\";01.01.2020;;extra\n\(Fixture.avs(3).formatted);y;01.01.2020;\n"
        let export = try Fixture.parse(text, maximumRejectedPercent: 100)
        #expect(export.rejects.map(\.code) == ["row.unbalanced_quote"])
        #expect(export.rejects.map(\.line) == [2])
        #expect(export.followUps.count == 1)
        #expect(Fixture.followUp(export, Fixture.avs(3)) != nil)
    }

    @Test("caseworker identifiers: trimmed, up to 64 characters of any script, no control characters")
    func caseworkers() throws {
        let rows = [
            "\u{A0} jd-1 \u{A0}", String(repeating: "é", count: 64), String(repeating: "é", count: 65), "a\u{85}b", "a\u{7F}b", "  ",
        ]
        let text =
            "AVS;start;end;caseworker\n"
            + rows.enumerated().map { "\(Fixture.avs($0.offset).formatted);01.01.2020;;\($0.element)" }.joined(separator: "\n")
        let export = try Fixture.parse(text, maximumRejectedPercent: 100)
        #expect(Fixture.followUp(export, Fixture.avs(0))?.caseworker == "jd-1")
        #expect(Fixture.followUp(export, Fixture.avs(1))?.caseworker == String(repeating: "é", count: 64))
        #expect(export.rejects.map(\.line) == [4, 5, 6])
        #expect(export.rejects.allSatisfy { $0.code == "caseworker.invalid" })
        #expect(export.rejects[0].reason.contains("longer than 64"))
        let blank = try #require(Fixture.followUp(export, Fixture.avs(5)))
        #expect(blank.caseworker == nil)
    }
}
