import CIICore
import CIIRegistry
import Foundation

/// Reads the typed values of a submitted case form by input name, and keeps a problem (on that
/// name, in the three languages) for every value that cannot be read: a date that is no date, a
/// choice that is not in the list, a number that is no number. The registry's own rules check
/// the rest once everything could be read.
struct CaseFormReader {
    /// The submitted values by input name.
    let values: [String: String]
    /// The values that could not be read.
    private(set) var problems: [RegistryProblem] = []

    init(values: [String: String]) { self.values = values }

    /// The value of `name`, spaces around it removed; "" when absent.
    func text(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespaces) }

    /// The value of `name` as typed (a free text keeps its lines and spaces).
    func raw(_ name: String) -> String { values[name] ?? "" }

    /// Whether every one of `names` is empty.
    func isBlank(_ names: [String]) -> Bool { names.allSatisfy { text($0).isEmpty } }

    /// Adds a problem on `name`.
    mutating func problem(_ name: String, _ code: RegistryProblemCode, _ message: LocalizedText) {
        problems.append(RegistryProblem(field: name, code: code, message: message))
    }

    /// A date: nil when empty (a problem when `required`) or unreadable (a problem).
    mutating func day(_ name: String, required: Bool = false) -> Day? {
        let value = text(name)
        if value.isEmpty {
            if required { self.required(name) }
            return nil
        }
        guard let day = Day(parsing: value) else {
            problem(
                name,
                .dateOutOfRange,
                LocalizedText(
                    fr: "Date invalide : AAAA-MM-JJ ou JJ.MM.AAAA.",
                    de: "Ungültiges Datum: JJJJ-MM-TT oder TT.MM.JJJJ.",
                    en: "Invalid date: YYYY-MM-DD or DD.MM.YYYY."
                )
            )
            return nil
        }
        return day
    }

    /// A choice of a list: nil when empty (a problem when `required`) or not in the list (a problem).
    mutating func choice<T: RawRepresentable>(_ name: String, _ type: T.Type, required: Bool = true) -> T? where T.RawValue == String {
        let value = text(name)
        if value.isEmpty {
            if required { self.required(name) }
            return nil
        }
        guard let choice = T(rawValue: value) else {
            problem(name, .unknownCode, LocalizedText(fr: "Choix inconnu.", de: "Unbekannte Auswahl.", en: "Unknown choice."))
            return nil
        }
        return choice
    }

    /// A whole number: nil when empty (a problem when `required`) or not a number (a problem).
    mutating func integer(_ name: String, required: Bool = true) -> Int? {
        let value = text(name)
        if value.isEmpty {
            if required { self.required(name) }
            return nil
        }
        guard let number = Int(value) else {
            problem(name, .outOfRange, LocalizedText(fr: "Nombre entier attendu.", de: "Ganze Zahl erwartet.", en: "A whole number is expected."))
            return nil
        }
        return number
    }

    /// A directory entry's id, chosen in a list; nil when empty.
    mutating func entry(_ name: String, required: Bool = false) -> Int64? {
        let value = text(name)
        if value.isEmpty {
            if required { self.required(name) }
            return nil
        }
        guard let id = Int64(value) else {
            problem(name, .unknownCode, LocalizedText(fr: "Choix inconnu.", de: "Unbekannte Auswahl.", en: "Unknown choice."))
            return nil
        }
        return id
    }

    /// An amount in francs (`1234.50`, `1'234,50`).
    mutating func money(_ name: String) -> Money? {
        let value = text(name)
        if value.isEmpty {
            required(name)
            return nil
        }
        guard let money = Money(parsing: value) else {
            problem(
                name,
                .outOfRange,
                LocalizedText(
                    fr: "Montant invalide (par ex. 1234.50).",
                    de: "Ungültiger Betrag (z. B. 1234.50).",
                    en: "Invalid amount (e.g. 1234.50)."
                )
            )
            return nil
        }
        return money
    }

    /// A decimal number (`3.5` or `3,5`).
    mutating func decimal(_ name: String) -> Double? {
        let value = text(name).replacingOccurrences(of: ",", with: ".")
        if value.isEmpty {
            required(name)
            return nil
        }
        guard let number = Double(value), number.isFinite, abs(number) < 1_000 else {
            problem(
                name,
                .outOfRange,
                LocalizedText(fr: "Nombre attendu (par ex. 3.5).", de: "Zahl erwartet (z. B. 3.5).", en: "A number is expected (e.g. 3.5).")
            )
            return nil
        }
        return number
    }

    /// The problem of an empty mandatory value.
    mutating func required(_ name: String) {
        problem(name, .required, LocalizedText(fr: "Ce champ est obligatoire.", de: "Dieses Feld ist obligatorisch.", en: "This field is required."))
    }
}
