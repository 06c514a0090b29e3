import CIICore
import CIIRegistry

/// The problems of a form the bureau or an admin sent, by field, in the page's language: each one
/// is shown next to its field (`{{errors.<field>}}`, tied to the field by `aria-describedby`), and
/// the page starts with a summary saying how many there are.
struct BureauFormErrors: Sendable {
    let language: Language
    /// The message of each field that has a problem (the first problem of a field wins).
    private(set) var messages: [String: String] = [:]

    init(language: Language) {
        self.language = language
    }

    /// Adds a problem to `field`.
    mutating func add(_ field: String, _ text: LocalizedText) {
        if messages[field] == nil { messages[field] = text(language) }
    }

    /// Adds every problem of a refusal of the registry, on the field it names; a problem whose
    /// field is not in `fields` goes to `fallback`.
    mutating func add(_ error: RegistryError, fields: Set<String>, fallback: String) {
        for problem in error.problems {
            add(fields.contains(problem.field) ? problem.field : fallback, problem.message)
        }
        if error.problems.isEmpty {
            add(fallback, LocalizedText(fr: "Saisie refusée.", de: "Eingabe abgelehnt.", en: "Input refused."))
        }
    }

    /// Whether the form had no problem.
    var isEmpty: Bool { messages.isEmpty }

    /// The summary above the form: how many fields to correct.
    var summary: String {
        LocalizedText(
            fr:
                "Le formulaire n'a pas été enregistré : corrigez \(messages.count == 1 ? "le champ signalé" : "les \(messages.count) champs signalés").",
            de:
                "Das Formular wurde nicht gespeichert: Korrigieren Sie \(messages.count == 1 ? "das markierte Feld" : "die \(messages.count) markierten Felder").",
            en: "The form was not saved: correct the \(messages.count) marked field(s)."
        )(language)
    }

    /// The summary above a list whose filter (days, year) could not be read.
    var filterSummary: String {
        LocalizedText(
            fr: "Le filtre n'est pas valable : voir le champ signalé.",
            de: "Der Filter ist ungültig: siehe das markierte Feld.",
            en: "The filter is not valid: see the marked field."
        )(language)
    }

    /// A required choice that is missing or not one of the list.
    static let choose = LocalizedText(
        fr: "Choisissez une valeur de la liste.",
        de: "Wählen Sie einen Wert aus der Liste.",
        en: "Choose a value from the list."
    )
}
