import CIICore
import CIIStore
import Testing

@testable import CIIImport

@Suite("Header recognition")
struct HeaderTests {
    let avs = Fixture.known

    @Test(
        "French, German and English headers",
        arguments: [
            "N° AVS;Début du suivi;Dernier suivi;Conseiller",
            "no AVS;date début;date du dernier suivi;gestionnaire",
            "NAVS;début;fin du suivi;collaborateur ID",
            "AVS;Date de début;date de fin;Conseillère",
            "AHV-Nr.;Beginn;Ende;Mitarbeiter",
            "AHV-Nummer;Betreuungsbeginn;Betreuungsende;Mitarbeiterin",
            "AHVN13;Beginn der Betreuung;letzte Betreuung;Sachbearbeiter-ID",
            "SV-Nr;Beginn;letzter Kontakt;Beraterin",
            "AVS number;follow-up start;last follow-up;caseworker id",
            "SSN;Start date;End date;Caseworker",
            "  ssn ;START;END;CASEWORKER ",
        ]
    )
    func languages(header: String) throws {
        let export = try Fixture.parse("\(header)\n\(avs.formatted);01.02.2020;10.03.2025;cw-7\n")
        #expect(export.rejects.isEmpty)
        let followUp = try #require(Fixture.followUp(export, avs))
        #expect(followUp.startedOn == Fixture.day("01.02.2020"))
        #expect(followUp.lastOn == Fixture.day("2025-03-10"))
        #expect(followUp.caseworker == "cw-7")
    }

    @Test("columns in any order, extra columns ignored, caseworker optional")
    func order() throws {
        let export = try Fixture.parse("Nom;Dernier suivi;Adresse;N° AVS;Prénom;Début\nDupont;;Rue 1;\(avs.formatted);Jean;2020-02-01\n")
        let followUp = try #require(Fixture.followUp(export, avs))
        #expect(followUp.startedOn == Fixture.day("01.02.2020"))
        #expect(followUp.lastOn == Fixture.today)
        #expect(followUp.caseworker == nil)
    }

    @Test("every accepted name belongs to one role only")
    func noAmbiguousName() {
        var seen = [String: ColumnRole]()
        for role in ColumnRole.allCases {
            for name in role.acceptedNames {
                let normalized = HeaderName.normalized(name)
                #expect(seen[normalized] == nil || seen[normalized] == role, "\(name) is ambiguous")
                seen[normalized] = role
                #expect(ColumnRole.role(ofHeader: name) == role)
            }
        }
        #expect(HeaderName.normalized("N° AVS") == "navs")
        #expect(HeaderName.normalized("Début du suivi") == "debutdusuivi")
        #expect(ColumnRole.role(ofHeader: "Nom") == nil)
        #expect(ColumnRole.role(ofHeader: "Date de naissance") == nil)
    }

    @Test("a missing column is named, with the names accepted")
    func missingColumn() throws {
        let error = #expect(throws: ImportError.self) { try Fixture.parse("N° AVS;Nom;Dernier suivi\n\(avs.formatted);x;\n") }
        #expect(error?.code == .missingColumn)
        let reason = try #require(error?.reason)
        #expect(reason.contains("start of the follow-up"))
        #expect(reason.contains("Début du suivi"))
        #expect(reason.contains("Beginn"))
        #expect(reason.contains("\"Nom\""))
        #expect(!reason.contains("no column for the last follow-up"))
    }

    @Test("a file without a header line does not show its data in the error")
    func noHeader() throws {
        let error = #expect(throws: ImportError.self) { try Fixture.parse("\(avs.formatted);01.02.2020;10.03.2025\n") }
        #expect(error?.code == .missingColumn)
        let reason = try #require(error?.reason)
        #expect(!Fixture.holdsLongNumber(reason))
        #expect(reason.contains("(a number)"))
    }

    @Test("a column named twice is refused")
    func duplicateColumn() throws {
        let error = #expect(throws: ImportError.self) { try Fixture.parse("AVS;AHV-Nr;début;fin\n") }
        #expect(error?.code == .duplicateColumn)
        #expect(error?.reason.contains("\"AHV-Nr\" (column 2)") == true)
    }
}
