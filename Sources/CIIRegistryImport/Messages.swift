import CIICore

/// The messages of the import's own problems, in French, German and English. None repeats a
/// cell's value.
enum Messages {
    static let required = LocalizedText(fr: "Ce champ est obligatoire.", de: "Dieses Feld ist obligatorisch.", en: "This field is required.")

    static let invalidDate = LocalizedText(
        fr: "Ce n'est pas une date : écrivez jj.mm.aaaa ou aaaa-mm-jj.",
        de: "Das ist kein Datum: schreiben Sie TT.MM.JJJJ oder JJJJ-MM-TT.",
        en: "This is not a date: write dd.mm.yyyy or yyyy-mm-dd."
    )

    static let gravityIndex = LocalizedText(
        fr: "L'indice de gravité doit être un nombre entre 0 et 6,5.",
        de: "Der Schweregrad muss eine Zahl zwischen 0 und 6,5 sein.",
        en: "The gravity index must be a number from 0 to 6.5."
    )

    static func unknownCode(_ codes: String) -> LocalizedText {
        LocalizedText(
            fr: "Valeur inconnue : écrivez l'un des codes \(codes).",
            de: "Unbekannter Wert: schreiben Sie einen der Codes \(codes).",
            en: "Unknown value: write one of the codes \(codes)."
        )
    }

    static func unknownFactors(_ count: Int, _ codes: String) -> LocalizedText {
        LocalizedText(
            fr: "\(count) facteur(s) de risque inconnu(s) : séparez par | les codes \(codes).",
            de: "\(count) unbekannte(r) Risikofaktor(en): trennen Sie mit | die Codes \(codes).",
            en: "\(count) unknown risk factor(s): separate with | the codes \(codes)."
        )
    }

    static func unbalancedQuote(_ line: Int, _ lastLine: Int, _ fields: Int, _ expected: Int) -> LocalizedText {
        LocalizedText(
            fr:
                "Un champ entre guillemets va de la ligne \(line) à la ligne \(lastLine) et la ligne a \(fields) champs au lieu de \(expected) : un guillemet (\") manque probablement.",
            de:
                "Ein Feld in Anführungszeichen reicht von Zeile \(line) bis Zeile \(lastLine) und die Zeile hat \(fields) statt \(expected) Felder: wahrscheinlich fehlt ein Anführungszeichen (\").",
            en:
                "A quoted field runs from line \(line) to line \(lastLine) and the row has \(fields) fields instead of \(expected): a quote (\") is probably unbalanced."
        )
    }

    static func unnamedColumn(_ position: Int) -> LocalizedText {
        LocalizedText(
            fr: "La colonne \(position) n'a pas d'en-tête mais cette ligne y a une valeur : nommez la colonne ou videz-la.",
            de: "Spalte \(position) hat keine Überschrift, diese Zeile aber einen Wert darin: benennen oder leeren Sie die Spalte.",
            en: "Column \(position) has no header but this row has a value in it: name the column or empty it."
        )
    }

    static func tooManyFields(_ fields: Int, _ expected: Int) -> LocalizedText {
        LocalizedText(
            fr: "La ligne a \(fields) champs, l'en-tête \(expected) : un séparateur de trop décale les colonnes.",
            de: "Die Zeile hat \(fields) Felder, die Kopfzeile \(expected): ein Trennzeichen zu viel verschiebt die Spalten.",
            en: "The row has \(fields) fields, the header \(expected): an extra delimiter shifts the columns."
        )
    }

    static func alreadyInRegistry(_ caseID: Int64) -> LocalizedText {
        LocalizedText(
            fr: "Déjà dans le registre, cas \(caseID) (même personne, date d'annonce et dispositif annonceur) : ligne ignorée.",
            de: "Bereits im Register, Fall \(caseID) (gleiche Person, Meldedatum und meldende Stelle): Zeile übersprungen.",
            en: "Already in the registry as case \(caseID) (same person, announcement date and announcing dispositif): row skipped."
        )
    }

    static func duplicateInFile(_ line: Int) -> LocalizedText {
        LocalizedText(
            fr: "Même période de cas qu'à la ligne \(line) (même personne, date d'annonce et dispositif annonceur) : ligne ignorée.",
            de: "Gleiche Fallperiode wie in Zeile \(line) (gleiche Person, Meldedatum und meldende Stelle): Zeile übersprungen.",
            en: "The same case period as on line \(line) (same person, announcement date and announcing dispositif): row skipped."
        )
    }

    static let cancelled = LocalizedText(
        fr: "Période de cas annulée : une annulation n'est pas importée.",
        de: "Stornierte Fallperiode: eine Stornierung wird nicht importiert.",
        en: "A cancelled case period: cancellations are not imported."
    )
}
