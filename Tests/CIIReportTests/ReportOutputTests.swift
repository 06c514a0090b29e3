import CIICore
import CIIRegistry
import CIIReport
import Foundation
import Testing

/// The report's outputs: "< 5" in every format, French and German, the CSV's and the JSON's
/// shapes, and the calendar rules.
@Suite struct ReportOutputTests {
    /// A small report: three situations, a replica with a hidden count.
    static func report() -> AnnualReport {
        let cases = [
            ReportCase(
                caseID: 1,
                personID: 1,
                announcement: Announcement(
                    region: .hautValais,
                    announcedOn: Day(year: 2023, month: 2, day: 1)!,
                    announcedToBureauOn: Day(year: 2023, month: 2, day: 20)!,
                    followedSince: Day(year: 2022, month: 8, day: 31)!,
                    ageGroup: .adult,
                    dispositif: .orp
                ),
                birthDate: Day(year: 1981, month: 2, day: 1)!,
                sex: .male,
                education: .none,
                gravity: GravityIndex(hundredths: 200),
                riskFactors: 4,
                services: [
                    CaseService(
                        type: .coachingORPCMS,
                        start: Day(year: 2023, month: 3, day: 1)!,
                        end: Day(year: 2023, month: 9, day: 1)!,
                        closingStatus: .reintegrated
                    )
                ]
            ),
            ReportCase(
                caseID: 2,
                personID: 2,
                announcement: Announcement(region: .sion, announcedOn: Day(year: 2023, month: 5, day: 1)!, ageGroup: .youth, dispositif: .t1),
                birthDate: Day(year: 2006, month: 5, day: 2)!,
                sex: .female,
                education: .secondaryII,
                gravity: nil,
                riskFactors: 2,
                services: []
            ),
        ]
        let simultaneous = SimultaneousFollowUp(
            epoch: Epoch(3)!,
            lastOnFrom: Day(year: 2023, month: 1, day: 1)!,
            sets: [[.orp]: 40, [.orp, .cms]: 3, [.cms]: 20, [.orp, .cms, .oai]: 6, [.oai]: 9]
        )
        let trainings = [
            Training(
                kind: .training,
                title: "Einführung",
                date: Day(year: 2023, month: 4, day: 4)!,
                region: .hautValais,
                language: .de,
                participants: 12
            )
        ]
        let figures = AnnualFigures(year: 2023, cases: cases, trainings: trainings, simultaneous: simultaneous)
        let previous = AnnualFigures(year: 2022, cases: [], trainings: [], simultaneous: nil)
        return AnnualReport(year: 2023, madeOn: Day(year: 2024, month: 1, day: 1)!, snapshotTakenOn: nil, figures: figures, previous: previous)
    }

    @Test func countsUnderFiveAreHiddenWithTheirShares() throws {
        let simultaneous = try #require(Self.report().figures.simultaneous)
        #expect(simultaneous.people == MaskedCount(78) && simultaneous.simultaneous == MaskedCount(9))
        #expect(simultaneous.share == 9.0 / 78.0)
        let orp = try #require(simultaneous.dispositifs.first { $0.dispositif == .orp })
        #expect(orp.people.value == 49 && orp.anyOther.count.value == 9 && orp.anyOther.share == 9.0 / 49.0)
        #expect(orp.twoOrMoreOthers.count.value == 6)
        let cms = try #require(orp.others.first { $0.other == .cms })
        #expect(cms.count.value == 9)
        let oai = try #require(simultaneous.dispositifs.first { $0.dispositif == .oai })
        #expect(oai.others.first { $0.other == .orp }?.count.value == 6)
        // Nobody of OAI is also at T1: 0 is under 5, hidden with its share.
        #expect(oai.others.first { $0.other == .t1 }.map { $0.count.value == nil && $0.share == nil } == true)
        #expect(simultaneous.dispositifs.map(\.dispositif) == [.orp, .cms, .oai], "dispositifs nobody follows are left out")
        #expect(MaskedCount(4).description == "< 5" && MaskedCount(0).value == nil && MaskedCount(5).description == "5")

        let json = try JSONEncoder().encode([MaskedCount(4), MaskedCount(12)])
        #expect(String(decoding: json, as: UTF8.self) == "[\"< 5\",12]")
        #expect(try JSONDecoder().decode([MaskedCount].self, from: json) == [MaskedCount(3), MaskedCount(12)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MaskedCount.self, from: Data("\"few\"".utf8)) }
    }

    @Test func theFiguresOfASmallReport() throws {
        let figures = Self.report().figures
        #expect(figures.situations == SituationCounts(total: 2, adults: 1, youth: 1))
        #expect(figures.tables[0].rows[0].dispositif == .orp && figures.tables[0].rows[0][.hautValais] == 1 && figures.tables[0].total.total == 1)
        #expect(figures.tables[1].rows.first { $0.dispositif == .t1 }?[.sion] == 1)
        #expect(figures.services.first { $0.type == .coachingORPCMS }?.people == 1)
        #expect(figures.reintegration == Rate(count: 1, total: 1))
        // Followed since 31 August 2022, announced to the bureau 20 February 2023: within six months
        // (the limit is 28 February 2023).
        #expect(figures.earlyDetection == Rate(count: 1, total: 1))
        #expect(figures.profile.meanAge == (42.0 + 16.0) / 2)
        #expect(figures.gravity.meanIndex == 2.0 && figures.gravity.scored == 1 && figures.gravity.meanRiskFactors == 3.0)
    }

    @Test func frenchAndGermanHTML() throws {
        let report = Self.report()
        let french = AnnualReportRenderer.html(report, language: .fr)
        #expect(french.hasPrefix("<!doctype html>\n<html lang=\"fr\">"))
        #expect(french.contains("<h1>Rapport annuel CII 2023</h1>") && french.contains("Situations annoncées à la CII"))
        #expect(french.contains("Haut-Valais") && french.contains("Coaching ORP-CMS") && french.contains("@media print"))
        #expect(french.contains("<svg") && french.contains("role=\"img\"") && french.contains("<title id=\"chart-regions-title\">"))
        #expect(french.contains("&lt; 5") && !french.contains(">< 5<"))
        #expect(french.contains("<th scope=\"col\" class=\"number\">2022</th>"), "the previous year beside")
        let german = AnnualReportRenderer.html(report, language: .de)
        #expect(german.hasPrefix("<!doctype html>\n<html lang=\"de\">"))
        #expect(german.contains("<h1>IIZ-Jahresbericht 2023</h1>") && german.contains("Der IIZ gemeldete Situationen"))
        #expect(german.contains("Oberwallis") && german.contains("Coaching RAV-SMZ") && german.contains("RAV"))
        #expect(!german.contains("Situations annoncées"))
        // The fragment for the site: no inline style (the site's policy forbids it).
        let fragment = AnnualReportRenderer.fragment(report, language: .de)
        #expect(fragment.hasPrefix("<article class=\"annual-report\" lang=\"de\">") && !fragment.contains("<style"))
    }

    @Test func csvInBothLanguages() throws {
        let report = Self.report()
        let french = AnnualReportRenderer.csv(report, language: .fr)
        let lines = french.components(separatedBy: "\r\n")
        #expect(lines.first == "Rubrique;Chiffre;2023;2022")
        #expect(lines.contains("Situations annoncées;Situations annoncées à la CII;2;0"))
        #expect(lines.contains("Cas par dispositif annonceur et par région;Adulte · ORP · Haut-Valais;1;0"))
        #expect(lines.contains("Suivi simultané;Personnes suivies par l'ensemble des dispositifs;78;"))
        #expect(lines.contains("Suivi simultané;OAI : aussi suivies par T1 (%);< 5;"))
        #expect(lines.contains("Formations et journées régionales;Formation : Haut-Valais;12;0"))
        #expect(
            french.hasSuffix("\r\n")
                && lines.dropLast().allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false).count == 4 || $0.contains("\"") }
        )
        let german = AnnualReportRenderer.csv(report, language: .de)
        #expect(german.hasPrefix("Rubrik;Kennzahl;2023;2022\r\n"))
        #expect(german.contains("\r\nGemeldete Situationen;Der IIZ gemeldete Situationen;2;0\r\n"))
        #expect(german.contains("Gleichzeitige Betreuung;IV: auch betreut von T1 (%);< 5;"))
    }

    @Test func jsonShape() throws {
        let data = try AnnualReportRenderer.json(Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["year"] as? Int == 2023 && object["madeOn"] as? String == "2024-01-01")
        let figures = try #require(object["figures"] as? [String: Any])
        #expect((figures["situations"] as? [String: Any])?["youth"] as? Int == 1)
        let tables = try #require(figures["tables"] as? [[String: Any]])
        #expect(tables.first?["ageGroup"] as? String == "adult")
        let rows = try #require(tables.first?["rows"] as? [[String: Any]])
        #expect(rows.first?["dispositif"] as? String == "ORP" && (rows.first?["regions"] as? [String: Int])?["HV"] == 1)
        let simultaneous = try #require(figures["simultaneous"] as? [String: Any])
        #expect(simultaneous["people"] as? Int == 78 && simultaneous["epoch"] as? Int == 3)
        let lines = try #require(simultaneous["dispositifs"] as? [[String: Any]])
        let oai = try #require(lines.first { $0["dispositif"] as? String == "OAI" })
        let others = try #require(oai["others"] as? [[String: Any]])
        let t1 = try #require(others.first { $0["other"] as? String == "T1" })
        #expect(t1["count"] as? String == "< 5" && t1["share"] == nil)
        #expect((figures["services"] as? [[String: Any]])?.first?["type"] as? String == "TRO")
        // The value decodes back whole (what a snapshot relies on).
        #expect(try JSONDecoder().decode(AnnualReport.self, from: data) == Self.report())
    }

    @Test func calendarRules() {
        #expect(ReportCalendar.adding(months: 6, to: Day(year: 2023, month: 8, day: 31)!) == Day(year: 2024, month: 2, day: 29)!)
        #expect(ReportCalendar.adding(months: 6, to: Day(year: 2022, month: 8, day: 31)!) == Day(year: 2023, month: 2, day: 28)!)
        #expect(ReportCalendar.adding(months: 6, to: Day(year: 2023, month: 7, day: 15)!) == Day(year: 2024, month: 1, day: 15)!)
        #expect(ReportCalendar.age(born: Day(year: 1981, month: 2, day: 1)!, on: Day(year: 2023, month: 2, day: 1)!) == 42)
        #expect(ReportCalendar.age(born: Day(year: 1981, month: 2, day: 2)!, on: Day(year: 2023, month: 2, day: 1)!) == 41)
    }
}
