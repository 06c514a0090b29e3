/// What a column of an export holds, recognised from its header in French, German or English.
enum ColumnRole: CaseIterable {
    /// The person's AVS number.
    case avs
    /// The day the follow-up started.
    case start
    /// The day of the last follow-up (empty while it goes on).
    case last
    /// The institution's identifier of the caseworker (optional).
    case caseworker
    /// The institution's own dossier or case number (optional; never an AVS number).
    case reference

    /// What the column holds, for messages.
    var title: String {
        switch self {
        case .avs: "AVS number"
        case .start: "start of the follow-up"
        case .last: "last follow-up"
        case .caseworker: "caseworker"
        case .reference: "dossier reference"
        }
    }

    /// The header names recognised, as an administrator would write them. They are compared
    /// without case, accents, spaces or punctuation (see ``HeaderName``).
    var acceptedNames: [String] {
        switch self {
        case .avs:
            [
                "N° AVS", "no AVS", "NAVS", "AVS", "numéro AVS", "N° d'AVS", "NAVS13", "AHV-Nr", "AHV-Nummer", "AHVN13", "AHV",
                "SV-Nr", "SV-Nummer", "Sozialversicherungsnummer", "AVS number", "AVS no", "SSN", "social security number",
            ]
        case .start:
            [
                "Début du suivi", "date début", "date de début", "date début suivi", "début", "début suivi", "Beginn", "Betreuungsbeginn",
                "Beginn der Betreuung", "Beginndatum", "Startdatum", "follow-up start", "start", "start date", "started on",
            ]
        case .last:
            [
                "Dernier suivi", "date du dernier suivi", "date dernier suivi", "dernier contact", "fin", "date de fin", "date fin",
                "fin du suivi", "Ende", "Enddatum", "Betreuungsende", "Ende der Betreuung", "letzte Betreuung", "letzter Kontakt",
                "last follow-up", "last follow-up date", "end", "end date", "last on",
            ]
        case .caseworker:
            [
                "collaborateur", "collaboratrice", "conseiller", "conseillère", "gestionnaire", "référent", "référente",
                "assistant social", "assistante sociale", "Mitarbeiter", "Mitarbeiterin", "Berater", "Beraterin", "Sachbearbeiter",
                "Sachbearbeiterin", "caseworker", "caseworker id",
            ]
        case .reference:
            [
                "référence", "référence dossier", "référence du dossier", "n° dossier", "n° de dossier", "no dossier", "numéro de dossier",
                "numéro dossier", "dossier", "Referenz", "Referenznummer", "Dossiernummer", "Dossier-Nr", "Fallnummer", "Fall-Nr",
                "Aktenzeichen", "reference number", "case", "case number", "case id", "case reference", "dossier number",
            ]
        }
    }

    /// The role of the column named `header`, `nil` for a column the import ignores. A caseworker
    /// or reference column may also carry an `ID` suffix (`Mitarbeiter-ID`, `conseiller id`, `Dossier-ID`).
    static func role(ofHeader header: String) -> ColumnRole? {
        let name = HeaderName.normalized(header)
        if let role = byName[name] { return role }
        guard name.hasSuffix("id"), let role = byName[String(name.dropLast(2))], role == .caseworker || role == .reference else { return nil }
        return role
    }

    private static let byName: [String: ColumnRole] = {
        var table = [String: ColumnRole]()
        for role in allCases {
            for name in role.acceptedNames { table[HeaderName.normalized(name)] = role }
        }
        return table
    }()
}
