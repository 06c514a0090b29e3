import CIICore
import CIIImport
import CIIStore
import Testing

@Suite("CSV dialects and encodings")
struct DialectTests {
    let first = Fixture.known
    let second = Fixture.avs(1)

    @Test("semicolon, LF")
    func semicolon() throws {
        let export = try Fixture.parse("AVS;start;end\n\(first.formatted);01.02.2020;10.03.2025\n\(second.formatted);2021-05-06;\n")
        #expect(export.delimiter == ";")
        #expect(export.encoding == "utf-8")
        #expect(export.rowsRead == 2)
        #expect(export.rejects.isEmpty)
        let one = try #require(Fixture.followUp(export, first))
        #expect(one.startedOn == Fixture.day("2020-02-01"))
        #expect(one.lastOn == Fixture.day("2025-03-10"))
        #expect(Fixture.followUp(export, second)?.lastOn == Fixture.today)
    }

    @Test("comma, CRLF, BOM, blank lines and empty spreadsheet rows")
    func commaCRLFBOM() throws {
        let text =
            "\u{FEFF}AVS number,start date,end date,caseworker id\r\n\r\n\(first.formatted),1.2.2020,10.3.2025,c1\r\n,,,\r\n\(second.formatted),2021-05-06,2024-01-01,c2\r\n\r\n"
        let export = try Fixture.parse(text)
        #expect(export.delimiter == ",")
        #expect(export.encoding == "utf-8")
        #expect(export.rowsRead == 2)
        #expect(export.rejects.isEmpty)
        #expect(Fixture.followUp(export, first)?.caseworker == "c1")
        #expect(Fixture.followUp(export, second)?.lastOn == Fixture.day("2024-01-01"))
    }

    @Test("tab-separated")
    func tab() throws {
        let export = try Fixture.parse("AHV-Nr\tBeginn\tEnde\n\(first.formatted)\t01.02.2020\t\n")
        #expect(export.delimiter == "\t")
        #expect(export.followUps.count == 1)
    }

    @Test("the delimiter found most often outside quotes wins")
    func delimiterOutsideQuotes() throws {
        let export = try Fixture.parse("\"a,b,c,d\";AVS;start;end\nx;\(first.formatted);01.02.2020;\n")
        #expect(export.delimiter == ";")
        #expect(export.followUps.count == 1)
    }

    @Test("Excel's sep= line sets the delimiter")
    func sepLine() throws {
        let export = try Fixture.parse("sep=,\r\nAVS,start,end\r\n\(first.formatted),01.02.2020,\r\n756.9217.0769.84,01.02.2020,\r\n")
        #expect(export.delimiter == ",")
        #expect(export.followUps.count == 1)
        #expect(export.rejects.map(\.line) == [4])
    }

    @Test("Windows-1252 bytes in the header and in a caseworker name")
    func windows1252() throws {
        var bytes: [UInt8] = [0x4E, 0xB0, 0x20] + Array("AVS;D".utf8) + [0xE9] + Array("but;Fin;Conseill".utf8) + [0xE8] + Array("re\r\n".utf8)
        bytes += Array("\(first.formatted);01.02.2020;;Ren".utf8) + [0xE9, 0x65, 0x20, 0x80] + Array("\r\n".utf8)
        let export = try Fixture.importer().parse(bytes, today: Fixture.today)
        #expect(export.encoding == "windows-1252")
        #expect(export.rejects.isEmpty)
        #expect(Fixture.followUp(export, first)?.caseworker == "Renée €")
    }

    @Test("UTF-8 accents stay UTF-8")
    func utf8Accents() throws {
        let export = try Fixture.parse("N° AVS;Début du suivi;Dernier suivi;Conseillère\n\(first.formatted);01.02.2020;;Zoë Müller\n")
        #expect(export.encoding == "utf-8")
        #expect(Fixture.followUp(export, first)?.caseworker == "Zoë Müller")
    }

    @Test("UTF-16 with a BOM, as Excel's Unicode text")
    func utf16() throws {
        let text = "AVS\tstart\tend\r\n\(first.formatted)\t01.02.2020\t\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let export = try Fixture.importer().parse(bytes, today: Fixture.today)
        #expect(export.encoding == "utf-16le")
        #expect(export.followUps.count == 1)
    }

    @Test("quoted fields: delimiter, newline and doubled quotes inside; line numbers stay physical")
    func quoting() throws {
        let text = """
            AVS,Name,start,end,caseworker
            "\(first.formatted)","Dupont, ""Jean""
            second line of the name","01.02.2020","","Jean ""JJ"" D."
            \(second.formatted),"a,b",32.01.2020,,x
            "756.9217.0769.84",plain,01.02.2020,,x

            """
        let export = try Fixture.parse(text)
        #expect(export.rowsRead == 3)
        #expect(Fixture.followUp(export, first)?.caseworker == "Jean \"JJ\" D.")
        #expect(export.rejects.map(\.line) == [4, 5])
        #expect(export.rejects.map(\.code) == ["date.start_invalid", "avs.wrong_check_digit"])
    }

    @Test("a quote inside an unquoted field is kept as text")
    func quoteInsideField() throws {
        let export = try Fixture.parse("AVS;start;end;caseworker\n\(first.formatted);01.02.2020;;O\"Brien\n")
        #expect(Fixture.followUp(export, first)?.caseworker == "O\"Brien")
    }

    @Test("dates with a time, as date-time cells are exported")
    func dateWithTime() throws {
        let export = try Fixture.parse("AVS;start;end\n\(first.formatted);01.02.2020 00:00;2025-03-10 00:00:00\n")
        #expect(export.rejects.isEmpty)
        #expect(Fixture.followUp(export, first)?.lastOn == Fixture.day("2025-03-10"))
    }

    @Test("not CSV: empty, blank, a workbook, binary, an unclosed quote")
    func notCSV() throws {
        let importer = Fixture.importer()
        let samples: [[UInt8]] = [
            [], Array("\n\r\n  \n".utf8), [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], Array("AVS;start;end\n".utf8) + [0x00, 0x01],
            Array("AVS;start;end\n\(first.formatted);\"01.02.2020;\n\(second.formatted);01.02.2020;\n".utf8),
        ]
        for bytes in samples {
            let error = #expect(throws: ImportError.self) { try importer.parse(bytes, today: Fixture.today) }
            #expect(error?.code == .notCSV)
        }
    }
}
