import CIICore
import CIIRegistry
import HTTPTypes

/// The criteria of a search as sent: the JSON body of `POST /searches` (which alone may carry the
/// AVS number, so that it never lands in a URL or an access log) or the query of `GET /cases`.
/// Every value is text (numbers accepted in JSON for `page` and `pageSize`); ``search()`` checks
/// them all and reports every problem at once.
struct SearchCriteria: Decodable {
    /// The criteria's names, in the JSON body and the query.
    static let names = [
        "avs", "surname", "firstName", "birthDate", "region", "dispositif", "serviceType", "status",
        "announcedFrom", "announcedTo", "openedFrom", "openedTo", "closedFrom", "closedTo", "sort", "order", "page", "pageSize",
    ]

    var values: [String: String]

    init(values: [String: String]) { self.values = values }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        values = [:]
        for key in container.allKeys {
            if try container.decodeNil(forKey: key) { continue }
            if let text = try? container.decode(String.self, forKey: key) {
                values[key.stringValue] = text
            } else {
                values[key.stringValue] = String(try container.decode(Int.self, forKey: key))
            }
        }
    }

    /// The search, or a 422 with every problem.
    func search() throws(RegistryAPIError) -> RegistrySearch {
        var problems = [RegistryAPIError.Problem]()
        func problem(_ field: String, _ code: String, _ fr: String, _ de: String, _ en: String) {
            problems.append(.init(field: field, code: code, message: LocalizedText(fr: fr, de: de, en: en)))
        }
        for name in values.keys.sorted() where !Self.names.contains(name) {
            problem(name, "unknown_criterion", "Critère inconnu.", "Unbekanntes Kriterium.", "Unknown criterion.")
        }
        func code<T>(_ name: String, _ parse: (String) -> T?) -> T? {
            guard let text = values[name], !text.isEmpty else { return nil }
            guard let value = parse(text) else {
                problem(name, "unknown_code", "Code inconnu.", "Unbekannter Code.", "Unknown code.")
                return nil
            }
            return value
        }
        func day(_ name: String) -> Day? {
            guard let text = values[name], !text.isEmpty else { return nil }
            guard let day = Day(parsing: text) else {
                problem(name, "invalid_value", "Date invalide (AAAA-MM-JJ).", "Ungültiges Datum (JJJJ-MM-TT).", "Invalid date (YYYY-MM-DD).")
                return nil
            }
            return day
        }
        func range(_ from: String, _ to: String) -> DayRange? {
            let start = day(from)
            let end = day(to)
            if let start, let end, end < start {
                problem(to, "date_order", "La fin précède le début.", "Das Ende liegt vor dem Beginn.", "The end is before the start.")
            }
            return start == nil && end == nil ? nil : DayRange(from: start, to: end)
        }
        var search = RegistrySearch()
        if let text = values["avs"], !text.isEmpty {
            do {
                search.avs = try AVSNumber(text)
            } catch {
                problem(
                    "avs",
                    "invalid_avs",
                    "Numéro AVS invalide (756.XXXX.XXXX.XX, chiffre de contrôle).",
                    "Ungültige AHV-Nummer (756.XXXX.XXXX.XX, Prüfziffer).",
                    "Invalid AVS number (756.XXXX.XXXX.XX, check digit)."
                )
            }
        }
        search.surname = values["surname"].flatMap { $0.isEmpty ? nil : $0 }
        search.firstName = values["firstName"].flatMap { $0.isEmpty ? nil : $0 }
        search.birthDate = day("birthDate")
        search.region = code("region") { Region(rawValue: $0) ?? Region(code: $0) }
        search.dispositif = code("dispositif") { try? Dispositif(code: $0) }
        search.serviceType = code("serviceType") { ServiceType(rawValue: $0) }
        search.status = code("status") { CaseStatus(rawValue: $0) }
        search.announcedOn = range("announcedFrom", "announcedTo")
        search.openedOn = range("openedFrom", "openedTo")
        search.closedOn = range("closedFrom", "closedTo")
        search.sort = code("sort") { RegistrySort(rawValue: $0) } ?? .name
        search.descending = code("order") { ["asc": false, "desc": true][$0] } ?? false
        for (name, fallback) in [("page", 0), ("pageSize", 50)] {
            var number = fallback
            if let text = values[name], !text.isEmpty {
                if let value = Int(text) {
                    number = value
                } else {
                    problem(name, "invalid_value", "Nombre entier attendu.", "Ganze Zahl erwartet.", "A whole number is expected.")
                }
            }
            if name == "page" { search.page = number } else { search.pageSize = number }
        }
        guard problems.isEmpty else { throw RegistryAPIError(.unprocessableContent, problems: problems) }
        return search
    }
}
