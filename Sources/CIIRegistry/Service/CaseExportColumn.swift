public import CIICore

/// A column of the registry's CSV format (`docs/registry-csv.md`): its technical key and its
/// French and German header names, as the import reads them and the export writes them.
public struct CaseExportColumn: Sendable, Hashable {
    /// The technical key (`announced_on`, `service1_type`).
    public let key: String
    /// The French header name.
    public let fr: String
    /// The German header name.
    public let de: String

    /// Creates a column.
    public init(key: String, fr: String, de: String) {
        self.key = key
        self.fr = fr
        self.de = de
    }

    /// The header name in `language` (German for `.de`, French otherwise).
    public func name(_ language: Language) -> String { language == .de ? de : fr }

    /// The columns before the services, in the export's order.
    public static let fixed: [CaseExportColumn] = [
        CaseExportColumn(key: "case_id", fr: "N° de cas", de: "Fall-Nr."),
        CaseExportColumn(key: "status", fr: "Statut", de: "Status"),
        CaseExportColumn(key: "avs", fr: "N° AVS", de: "AHV-Nr."),
        CaseExportColumn(key: "surname", fr: "Nom", de: "Name"),
        CaseExportColumn(key: "first_name", fr: "Prénom", de: "Vorname"),
        CaseExportColumn(key: "birth_date", fr: "Date de naissance", de: "Geburtsdatum"),
        CaseExportColumn(key: "sex", fr: "Sexe", de: "Geschlecht"),
        CaseExportColumn(key: "language", fr: "Langue", de: "Sprache"),
        CaseExportColumn(key: "education", fr: "Formation", de: "Ausbildung"),
        CaseExportColumn(key: "region", fr: "Région", de: "Region"),
        CaseExportColumn(key: "requested_service", fr: "Prestation demandée", de: "Beantragte Leistung"),
        CaseExportColumn(key: "announced_on", fr: "Date annonce cas", de: "Datum Fallmeldung"),
        CaseExportColumn(key: "announced_to_bureau_on", fr: "Date annonce au bureau", de: "Datum Meldung an Büro"),
        CaseExportColumn(key: "followed_since", fr: "Suivi depuis", de: "Betreut seit"),
        CaseExportColumn(key: "age_group", fr: "Type de cas", de: "Fallart"),
        CaseExportColumn(key: "dispositif", fr: "Dispositif annonceur", de: "Meldende Stelle"),
        CaseExportColumn(key: "situation", fr: "Situation", de: "Situation"),
        CaseExportColumn(key: "risk_factors", fr: "Facteurs de risque", de: "Risikofaktoren"),
        CaseExportColumn(key: "gravity_index", fr: "Indice de gravité", de: "Schweregrad"),
        CaseExportColumn(key: "opened_on", fr: "Ouverture CII", de: "Eröffnung IIZ"),
        CaseExportColumn(key: "closed_on", fr: "Clôture CII", de: "Abschluss IIZ"),
        CaseExportColumn(key: "dispositif_in_charge", fr: "Dispositif en charge", de: "Zuständige Stelle"),
    ]

    /// The four columns of service group `n` (from 1).
    public static func service(_ n: Int) -> [CaseExportColumn] {
        [
            CaseExportColumn(key: "service\(n)_type", fr: "Prestation \(n)", de: "Leistung \(n)"),
            CaseExportColumn(key: "service\(n)_start", fr: "Prestation \(n) début", de: "Leistung \(n) Beginn"),
            CaseExportColumn(key: "service\(n)_end", fr: "Prestation \(n) fin", de: "Leistung \(n) Ende"),
            CaseExportColumn(key: "service\(n)_status", fr: "Prestation \(n) statut", de: "Leistung \(n) Status"),
        ]
    }
}
