public import CIICore
public import CIIStore

/// How a check answer is shown: JSON for the API and the CLI's `--json`, a sentence for people.
public enum CheckAnswerFormat {
    /// `{"known": …, "matches": [{"dispositif", "node", "lastFollowUp"}], "followedHere": …, "window": {"years", "from", "to"}}`.
    public static func json(_ answer: CheckAnswer) -> String {
        var out = "{\"known\":\(answer.matches.isEmpty ? "false" : "true"),\"matches\":["
        for (index, match) in answer.matches.enumerated() {
            if index > 0 { out += "," }
            out += "{\"dispositif\":\"\(match.dispositif.rawValue)\",\"node\":\(JSONText.quoted(match.node)),"
            out += "\"lastFollowUp\":\"\(match.lastFollowUp.iso)\"}"
        }
        out += "],\"followedHere\":\(answer.followedHere),\"window\":{\"years\":\(answer.window.years),"
        out += "\"from\":\"\(answer.windowStart.iso)\",\"to\":\"\(answer.checkedOn.iso)\"}}"
        return out
    }

    /// The answer as a sentence in `language`, such as
    /// "Known at another dispositif in the last 3 years: CMS (last follow-up 17.04.2025)."
    public static func sentence(_ answer: CheckAnswer, language: Language) -> String {
        let years = answer.window.years
        let since = answer.windowStart.swiss
        var text: String
        if answer.matches.isEmpty {
            text = LocalizedText(
                fr: "Inconnu·e des autres dispositifs durant les \(years) dernières années (depuis le \(since)).",
                de: "Bei keinem anderen Dispositiv in den letzten \(years) Jahren bekannt (seit \(since)).",
                en: "Not known at another dispositif in the last \(years) years (since \(since))."
            )(language)
        } else {
            let list = answer.matches.map { match in
                let day = match.lastFollowUp.swiss
                let code = match.dispositif.code(language)
                return LocalizedText(
                    fr: "\(code) (dernier suivi le \(day))",
                    de: "\(code) (letzte Betreuung am \(day))",
                    en: "\(code) (last follow-up \(day))"
                )(language)
            }.joined(separator: ", ")
            text = LocalizedText(
                fr: "Connu·e d'un autre dispositif durant les \(years) dernières années : \(list).",
                de: "In den letzten \(years) Jahren bei einem anderen Dispositiv bekannt: \(list).",
                en: "Known at another dispositif in the last \(years) years: \(list)."
            )(language)
        }
        if answer.followedHere {
            text +=
                " "
                + LocalizedText(
                    fr: "La personne figure aussi dans les suivis de votre dispositif.",
                    de: "Die Person ist auch in den Betreuungen Ihres Dispositivs erfasst.",
                    en: "The person is also among your own dispositif's follow-ups."
                )(language)
        }
        return text
    }
}
