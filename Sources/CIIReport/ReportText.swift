import CIICore
import Foundation

/// The report's words in French and German (English for nothing a reader sees but the CLI's
/// messages): headings, figure names, and how numbers are written.
public enum ReportText {
    static let title = LocalizedText(fr: "Rapport annuel CII", de: "IIZ-Jahresbericht", en: "CII annual report")
    static let figure = LocalizedText(fr: "Chiffre", de: "Kennzahl", en: "Figure")
    static let section = LocalizedText(fr: "Rubrique", de: "Rubrik", en: "Section")
    static let madeOn = LocalizedText(fr: "Établi le", de: "Erstellt am", en: "Made on")
    static let snapshot = LocalizedText(
        fr: "Chiffres conservés le %@ (instantané de fin d'année).",
        de: "Zahlen am %@ festgehalten (Jahresabschluss-Momentaufnahme).",
        en: "Figures kept on %@ (year-end snapshot)."
    )
    static let live = LocalizedText(
        fr: "Chiffres calculés ce jour à partir du registre et de la réplique.",
        de: "Zahlen heute aus dem Register und dem Replikat berechnet.",
        en: "Figures computed today from the registry and the replica."
    )
    static let noPrevious = LocalizedText(
        fr: "Le registre ne contient pas l'année précédente.",
        de: "Das Register enthält das Vorjahr nicht.",
        en: "The registry does not hold the previous year."
    )

    static let situations = LocalizedText(fr: "Situations annoncées", de: "Gemeldete Situationen", en: "Situations announced")
    static let situationsTotal = LocalizedText(fr: "Situations annoncées à la CII", de: "Der IIZ gemeldete Situationen", en: "Situations announced")
    static let adults = LocalizedText(fr: "Adultes", de: "Erwachsene", en: "Adults")
    static let youth = LocalizedText(fr: "Jeunes", de: "Jugendliche", en: "Youth")
    static let table = LocalizedText(
        fr: "Cas par dispositif annonceur et par région",
        de: "Fälle nach meldender Stelle und Region",
        en: "Cases by announcing dispositif and region"
    )
    static let tableTotal = LocalizedText(
        fr: "Total des cas par dispositifs annonceurs",
        de: "Total der Fälle nach meldenden Stellen",
        en: "Cases of every announcing dispositif"
    )
    static let announcer = LocalizedText(fr: "Dispositif annonceur", de: "Meldende Stelle", en: "Announcing dispositif")
    static let valais = LocalizedText(fr: "Valais", de: "Wallis", en: "Valais")
    static let situationsOf = LocalizedText(fr: "Situations", de: "Situationen", en: "Situations")
    static let services = LocalizedText(
        fr: "Prestations (personnes)",
        de: "Leistungen (Personen)",
        en: "Services (people)"
    )
    static let profile = LocalizedText(fr: "Profil des situations", de: "Profil der Situationen", en: "Profile of the situations")
    static let men = LocalizedText(fr: "Hommes (%)", de: "Männer (%)", en: "Men (%)")
    static let women = LocalizedText(fr: "Femmes (%)", de: "Frauen (%)", en: "Women (%)")
    static let meanAge = LocalizedText(fr: "Âge moyen (ans)", de: "Durchschnittsalter (Jahre)", en: "Mean age (years)")
    static let educationLevel = LocalizedText(fr: "Formation : %@ (%)", de: "Ausbildung: %@ (%)", en: "Education: %@ (%)")
    static let gravity = LocalizedText(fr: "Indice de gravité", de: "Schweregrad-Index", en: "Gravity index")
    static let meanIndex = LocalizedText(fr: "Indice de gravité moyen", de: "Durchschnittlicher Schweregrad-Index", en: "Mean gravity index")
    static let meanFactors = LocalizedText(
        fr: "Nombre moyen de facteurs de risque",
        de: "Durchschnittliche Anzahl Risikofaktoren",
        en: "Mean number of risk factors"
    )
    static let reintegration = LocalizedText(
        fr: "Taux de réinsertion du coaching ORP-CMS",
        de: "Wiedereingliederungsquote des Coachings RAV-SMZ",
        en: "Reintegration rate of the ORP-CMS coaching"
    )
    static let reintegrationRate = LocalizedText(fr: "Réinsérés (%)", de: "Wiedereingegliedert (%)", en: "Reintegrated (%)")
    static let coachingsClosed = LocalizedText(
        fr: "Coachings clos dans l'année",
        de: "Im Jahr abgeschlossene Coachings",
        en: "Coachings closed in the year"
    )
    static let earlyDetection = LocalizedText(fr: "Détection précoce", de: "Früherkennung", en: "Early detection")
    static let earlyShare = LocalizedText(
        fr: "Annoncées au bureau en moins de 6 mois (%)",
        de: "In weniger als 6 Monaten dem Büro gemeldet (%)",
        en: "Announced to the bureau within 6 months (%)"
    )
    static let earlyKnown = LocalizedText(
        fr: "Situations dont les dates sont connues",
        de: "Situationen mit bekannten Daten",
        en: "Situations whose dates are known"
    )
    static let simultaneous = LocalizedText(fr: "Suivi simultané", de: "Gleichzeitige Betreuung", en: "Simultaneous follow-up")
    static let simultaneousNone = LocalizedText(
        fr: "La réplique de la fédération ne contenait rien pour cette année.",
        de: "Das Replikat der Föderation enthielt für dieses Jahr nichts.",
        en: "The federation's replica held nothing for this year."
    )
    static let peopleFollowed = LocalizedText(
        fr: "Personnes suivies par l'ensemble des dispositifs",
        de: "Von allen Stellen betreute Personen",
        en: "People followed by all dispositifs"
    )
    static let peopleSimultaneous = LocalizedText(
        fr: "Personnes suivies simultanément (2 dispositifs ou plus)",
        de: "Gleichzeitig betreute Personen (2 oder mehr Stellen)",
        en: "People followed by 2 or more dispositifs"
    )
    static let shareSimultaneous = LocalizedText(fr: "Part du suivi simultané (%)", de: "Anteil gleichzeitig betreut (%)", en: "Share (%)")
    static let peopleOf = LocalizedText(fr: "Personnes relevant de %@", de: "Personen bei %@", en: "People of %@")
    static let alsoAny = LocalizedText(
        fr: "%@ : aussi suivies par un autre dispositif (%)",
        de: "%@: auch von einer anderen Stelle betreut (%)",
        en: "%@: also followed elsewhere (%)"
    )
    static let alsoBy = LocalizedText(fr: "%@ : aussi suivies par %@ (%)", de: "%@: auch betreut von %@ (%)", en: "%@: also followed by %@ (%)")
    static let alsoTwo = LocalizedText(
        fr: "%@ : aussi suivies par au moins 2 autres dispositifs (%)",
        de: "%@: auch von mindestens 2 anderen Stellen betreut (%)",
        en: "%@: also followed by 2 or more others (%)"
    )
    static let simultaneousNote = LocalizedText(
        fr: "Empreintes de l'époque %@ ; dernier suivi le %@ ou après. Moins de 5 personnes : « < 5 ».",
        de: "Fingerabdrücke der Epoche %@; letzte Betreuung am %@ oder später. Weniger als 5 Personen: «< 5».",
        en: "Fingerprints of epoch %@; last follow-up on or after %@. Fewer than 5 people: \"< 5\"."
    )
    static let trainings = LocalizedText(
        fr: "Formations et journées régionales",
        de: "Schulungen und Regionaltage",
        en: "Trainings and regional days"
    )
    static let events = LocalizedText(fr: "%@ : nombre", de: "%@: Anzahl", en: "%@: held")
    static let participants = LocalizedText(fr: "%@ : participants", de: "%@: Teilnehmende", en: "%@: participants")
    static let frenchSpeaking = LocalizedText(fr: "%@ : Valais romand", de: "%@: Unterwallis", en: "%@: French-speaking Valais")
    static let upperValais = LocalizedText(fr: "%@ : Haut-Valais", de: "%@: Oberwallis", en: "%@: Upper Valais")
    static let chartRegions = LocalizedText(
        fr: "Situations annoncées par région",
        de: "Gemeldete Situationen nach Region",
        en: "Situations announced by region"
    )
    static let chartEducation = LocalizedText(fr: "Formation (%)", de: "Ausbildung (%)", en: "Education (%)")
    static let chartSimultaneous = LocalizedText(
        fr: "Personnes aussi suivies par un autre dispositif (%)",
        de: "Auch von einer anderen Stelle betreute Personen (%)",
        en: "People also followed elsewhere (%)"
    )

    /// `text` in `language` with each `%@` replaced by the next of `values`.
    static func format(_ text: LocalizedText, _ language: Language, _ values: String...) -> String {
        var result = text(language)
        for value in values {
            guard let range = result.range(of: "%@") else { break }
            result.replaceSubrange(range, with: value)
        }
        return result
    }

    /// A share as a whole percentage (`15`), or `–` when unknown.
    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return String(Int((share * 100).rounded()))
    }

    /// A mean with one decimal (`42.3`), or `–`.
    static func decimal(_ value: Double?) -> String {
        guard let value else { return "–" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
