import CIICore
import CIIServer
import CIIStore
import Foundation
import HTTPTypes
import Testing

@Suite struct CheckAnswerFormatTests {
    let window = RetentionWindow(years: 3)
    let today = Day(year: 2026, month: 11, day: 23)!

    func answer(_ matches: [CheckAnswer.Match], followedHere: Bool) -> CheckAnswer {
        CheckAnswer(
            matches: matches,
            followedHere: followedHere,
            window: window,
            windowStart: window.cutoff(today: today),
            checkedOn: today,
            fingerprint: Fingerprint(words: (1, 2, 3, 4))
        )
    }

    @Test func anUnknownPerson() {
        #expect(
            CheckAnswerFormat.json(answer([], followedHere: false))
                == #"{"known":false,"matches":[],"followedHere":false,"window":{"years":3,"from":"2023-11-23","to":"2026-11-23"}}"#
        )
    }

    @Test func aPersonKnownTwiceAndFollowedHere() throws {
        let matches = [
            CheckAnswer.Match(dispositif: .cms, node: "cms-vs", lastFollowUp: Day(year: 2025, month: 4, day: 7)!),
            CheckAnswer.Match(dispositif: .oai, node: "oai \"vs\"", lastFollowUp: Day(year: 987, month: 12, day: 31)!),
        ]
        let text = CheckAnswerFormat.json(answer(matches, followedHere: true))
        #expect(
            text == #"{"known":true,"matches":[{"dispositif":"CMS","node":"cms-vs","lastFollowUp":"2025-04-07"},"#
                + #"{"dispositif":"OAI","node":"oai \"vs\"","lastFollowUp":"0987-12-31"}],"followedHere":true,"#
                + #""window":{"years":3,"from":"2023-11-23","to":"2026-11-23"}}"#
        )
        // It is JSON a client can read.
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect((decoded?["matches"] as? [[String: String]])?[1]["node"] == "oai \"vs\"")
    }

    @Test func theFirstFieldOfANameIsFoundWithoutJoining() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .acceptLanguage, value: "de-CH"))
        fields.append(HTTPField(name: .acceptLanguage, value: "fr"))
        #expect(fields.first(.acceptLanguage) == "de-CH")
        #expect(fields.first(.authorization) == nil)
    }
}
