import CIICore
import Testing

@Suite struct AVSNumberTests {
    @Test(arguments: ["756.9217.0769.85", "7569217076985", "756 9217 0769 85", " 756.9217.0769.85 ", "756.9217.076985"])
    func acceptsTheWrittenForms(_ text: String) throws {
        let avs = try AVSNumber(text)
        #expect(avs.digitsValue == 7_569_217_076_985)
        #expect(avs.formatted == "756.9217.0769.85")
    }

    @Test(arguments: [
        ("", AVSNumberError.Code.empty),
        ("   ", .empty),
        ("756.9217.0769.8", .wrongLength),
        ("756.9217.0769.855", .wrongLength),
        ("756.9217.O769.85", .invalidCharacter),
        ("756-9217-0769-85", .invalidCharacter),
        ("757.9217.0769.85", .wrongPrefix),
        ("756.9217.0769.84", .wrongCheckDigit),
        ("756.9217.0769.86", .wrongCheckDigit),
    ])
    func refusesWithTheRuleThatFailed(_ text: String, _ code: AVSNumberError.Code) {
        #expect(throws: AVSNumberError.self) { try AVSNumber(text) }
        do {
            _ = try AVSNumber(text)
        } catch {
            #expect(error.code == code)
        }
    }

    @Test func invalidCharacterNamesItsPositionAndLengthCountsDigits() {
        do {
            _ = try AVSNumber("756.92x7.0769.85")
            Issue.record("accepted a letter")
        } catch {
            #expect(error.position == 7)
            #expect(error.message(.en).contains("Character 7"))
        }
        do {
            _ = try AVSNumber("75692170769")
            Issue.record("accepted 11 digits")
        } catch {
            #expect(error.digitCount == 11)
            #expect(error.message(.de).contains("11"))
        }
    }

    @Test func messagesExistInThreeLanguagesAndNeverEchoTheNumber() {
        let wrong = "756.9217.0769.84"
        for code in AVSNumberError.Code.allCases {
            let error = AVSNumberError(code, position: 3, digitCount: 12)
            let messages = Language.allCases.map { error.message($0) }
            #expect(Set(messages).count == 3, "\(code) needs distinct fr/de/en messages")
            for message in messages {
                #expect(!message.contains("9217"))
                #expect(!message.contains(wrong))
            }
        }
        #expect(AVSNumberError(.wrongPrefix).message(.fr) == "Un numéro AVS commence par 756.")
        #expect(AVSNumberError(.wrongPrefix).message(.de) == "Eine AHV-Nummer beginnt mit 756.")
    }

    @Test func descriptionsAreMasked() throws {
        let avs = try AVSNumber("756.9217.0769.85")
        #expect("\(avs)" == "756.****.****.85")
        #expect(String(reflecting: avs) == "AVSNumber(756.****.****.85)")
        #expect(!"\(avs)".contains("9217"))
        #expect(!String(describing: [avs]).contains("9217"))
    }

    @Test func completingAddsTheEAN13CheckDigit() throws {
        #expect(AVSNumber(completing: 756_921_707_698).digitsValue == 7_569_217_076_985)
        for first12 in stride(from: UInt64(756_000_000_000), to: 756_000_001_000, by: 37) {
            let avs = AVSNumber(completing: first12)
            #expect(try AVSNumber(avs.formatted) == avs)
        }
    }

    @Test func digitsAreTheThirteenASCIIDigits() throws {
        let avs = try AVSNumber("756.9217.0769.85")
        let digits = avs.withDigits { Array($0) }
        #expect(String(decoding: digits, as: UTF8.self) == "7569217076985")
    }
}
