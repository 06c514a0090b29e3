public import CIICore
public import CIIFederation
public import CIIStore

/// How a check answer is shown: JSON for the API and the CLI's `--json`, a sentence for people.
public enum CheckAnswerFormat {
    /// `{"known": …, "matches": [{"dispositif", "node", "lastFollowUp"}], "followedHere": …, "window": {"years", "from", "to"}}`.
    ///
    /// With the coordinator's respondent directory (`respondents`), each match also lists whom to
    /// contact there: `"contacts": [{"name", "region", "phone", "email"}]` (empty when the
    /// directory names nobody at that dispositif). A node with no directory yet answers without it.
    public static func json(_ answer: CheckAnswer, respondents: RespondentDirectory? = nil) -> String {
        String(decoding: jsonBytes(answer, respondents: respondents), as: UTF8.self)
    }

    /// ``json(_:respondents:)`` as UTF-8 bytes, written without intermediate strings (the API answers with it).
    public static func jsonBytes(_ answer: CheckAnswer, respondents: RespondentDirectory? = nil) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + 80 * answer.matches.count)
        out += answer.matches.isEmpty ? #"{"known":false,"matches":["#.utf8 : #"{"known":true,"matches":["#.utf8
        for (index, match) in answer.matches.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"dispositif":""#.utf8
            out += match.dispositif.rawValue.utf8
            out += #"","node":"#.utf8
            out += JSONText.quoted(match.node).utf8
            out += #","lastFollowUp":""#.utf8
            appendISO(match.lastFollowUp, to: &out)
            out += #"""#.utf8
            if let respondents { appendContacts(respondents.contacts(at: match.dispositif), to: &out) }
            out += #"}"#.utf8
        }
        out += answer.followedHere ? #"],"followedHere":true,"window":{"years":"#.utf8 : #"],"followedHere":false,"window":{"years":"#.utf8
        out += String(answer.window.years).utf8
        out += #","from":""#.utf8
        appendISO(answer.windowStart, to: &out)
        out += #"","to":""#.utf8
        appendISO(answer.checkedOn, to: &out)
        out += #""}}"#.utf8
        return out
    }

    /// Appends `,"contacts":[…]`.
    static func appendContacts(_ contacts: [RespondentEntry], to out: inout [UInt8]) {
        out += #","contacts":["#.utf8
        for (index, contact) in contacts.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += #"{"name":"#.utf8
            out += JSONText.quoted(contact.name).utf8
            out += #","region":"#.utf8
            out += JSONText.quoted(contact.region).utf8
            out += #","phone":"#.utf8
            out += JSONText.quoted(contact.phone).utf8
            out += #","email":"#.utf8
            out += JSONText.quoted(contact.email).utf8
            out += #"}"#.utf8
        }
        out += #"]"#.utf8
    }

    /// Appends `day` as `YYYY-MM-DD`.
    static func appendISO(_ day: Day, to out: inout [UInt8]) {
        let (year, month, date) = day.components
        for divisor in [1000, 100, 10, 1] { out.append(UInt8(ascii: "0") + UInt8(year / divisor % 10)) }
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(ascii: "0") + UInt8(month / 10))
        out.append(UInt8(ascii: "0") + UInt8(month % 10))
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(ascii: "0") + UInt8(date / 10))
        out.append(UInt8(ascii: "0") + UInt8(date % 10))
    }

    /// The answer as a sentence in `language`, such as
    /// "Known at another dispositif in the last 3 years: CMS (last follow-up 17.04.2025)."
    ///
    /// With a respondent directory, a line per dispositif that knows the person names whom to contact.
    public static func sentence(_ answer: CheckAnswer, language: Language, respondents: RespondentDirectory? = nil) -> String {
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
        if let respondents {
            for match in answer.matches {
                let people = respondents.contacts(at: match.dispositif).map { "\($0.name), \($0.region), \($0.phone), \($0.email)" }
                let code = match.dispositif.code(language)
                text +=
                    "\n"
                    + (people.isEmpty
                        ? LocalizedText(
                            fr: "\(code) : aucun·e répondant·e CII dans l'annuaire.",
                            de: "\(code): keine IIZ-Ansprechperson im Verzeichnis.",
                            en: "\(code): no CII respondent in the directory."
                        )(language)
                        : LocalizedText(fr: "Contact \(code) : ", de: "Kontakt \(code): ", en: "Contact at \(code): ")(language)
                            + people.joined(separator: "; "))
            }
        }
        return text
    }
}
