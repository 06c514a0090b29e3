import CIICore
import CIIRegistry
import Hummingbird

/// The query of `POST …/cases/{id}/documents`: `designation`, `code`, and for a power of
/// attorney `poaStart` (YYYY-MM-DD), `poaDuration` and `poaUnit` (days, months, years). The body
/// is the file itself, so its line is described here.
enum DocumentQuery {
    /// The query's names.
    static let names: Set<String> = ["designation", "code", "poaStart", "poaDuration", "poaUnit"]

    /// The line the upload will add (its file, size and kind still to come), or a 422 with every
    /// problem of the query's form; the service checks the rest (a known code, lengths, ranges).
    static func line(_ request: Request) throws(RegistryAPIError) -> CaseDocument {
        var values = [String: String]()
        for (name, value) in request.uri.queryParameters { values[String(name)] = String(value) }
        var problems = [RegistryAPIError.Problem]()
        func problem(_ field: String, _ code: String, _ message: LocalizedText) {
            problems.append(.init(field: field, code: code, message: message))
        }
        for name in values.keys.sorted() where !names.contains(name) {
            problem(name, "unknown_criterion", LocalizedText(fr: "Paramètre inconnu.", de: "Unbekannter Parameter.", en: "Unknown parameter."))
        }
        var powerOfAttorney: PowerOfAttorney?
        let poa = ["poaStart", "poaDuration", "poaUnit"]
        if poa.contains(where: { values[$0] != nil }) {
            let start = values["poaStart"].flatMap { Day(parsing: $0) }
            let duration = values["poaDuration"].flatMap { Int($0) }
            let unit = values["poaUnit"].flatMap { DurationUnit(rawValue: $0) }
            if start == nil {
                problem(
                    "poaStart",
                    "invalid_value",
                    LocalizedText(fr: "Date invalide (AAAA-MM-JJ).", de: "Ungültiges Datum (JJJJ-MM-TT).", en: "Invalid date (YYYY-MM-DD).")
                )
            }
            if duration == nil {
                problem(
                    "poaDuration",
                    "invalid_value",
                    LocalizedText(fr: "Nombre entier attendu.", de: "Ganze Zahl erwartet.", en: "A whole number is expected.")
                )
            }
            if unit == nil {
                problem(
                    "poaUnit",
                    "unknown_code",
                    LocalizedText(fr: "days, months ou years.", de: "days, months oder years.", en: "days, months or years.")
                )
            }
            if let start, let duration, let unit { powerOfAttorney = PowerOfAttorney(start: start, duration: duration, unit: unit) }
        }
        guard problems.isEmpty else { throw RegistryAPIError(.unprocessableContent, problems: problems) }
        return CaseDocument(
            designation: values["designation"] ?? "",
            code: values["code"] ?? "",
            vaultID: String(repeating: "0", count: 32),
            size: 0,
            kind: DocumentKind.pdf.rawValue,
            powerOfAttorney: powerOfAttorney
        )
    }
}
