public import CIICore

/// Collects every problem of an input; the rules of each tab add to it.
public struct Validation: Sendable {
    /// The longest name.
    public static let nameLength = 100
    /// The longest short text (designation, reason).
    public static let shortTextLength = 500
    /// The longest free text (situation, logbook entry).
    public static let longTextLength = 20_000
    /// The earliest date accepted.
    public static let earliest = Day(year: 1900, month: 1, day: 1)!

    /// What the input is checked against.
    public let context: ValidationContext
    /// The problems found so far.
    public private(set) var problems: [RegistryProblem] = []

    /// Starts a validation.
    public init(context: ValidationContext) { self.context = context }

    /// Adds a problem.
    public mutating func add(_ field: String, _ code: RegistryProblemCode, _ message: LocalizedText) {
        problems.append(RegistryProblem(field: field, code: code, message: message))
    }

    /// Throws ``RegistryError/invalid(_:)`` when a problem was found.
    public func check() throws(RegistryError) {
        if !problems.isEmpty { throw RegistryError.invalid(problems) }
    }

    /// A text that must not be empty and at most `limit` characters.
    public mutating func text(_ value: String, _ field: String, limit: Int, required: Bool = true) {
        if required, value.allSatisfy(\.isWhitespace) {
            add(field, .required, LocalizedText(fr: "Ce champ est obligatoire.", de: "Dieses Feld ist obligatorisch.", en: "This field is required."))
        } else if value.count > limit {
            add(
                field,
                .tooLong,
                LocalizedText(
                    fr: "Ce texte dépasse \(limit) caractères.",
                    de: "Dieser Text ist länger als \(limit) Zeichen.",
                    en: "This text is longer than \(limit) characters."
                )
            )
        }
    }

    /// A date of the past (or today), not before 1900.
    public mutating func pastDate(_ day: Day?, _ field: String) {
        guard let day else { return }
        if day > context.today || day < Self.earliest {
            add(
                field,
                .dateOutOfRange,
                LocalizedText(
                    fr: "Cette date doit être entre 1900 et aujourd'hui.",
                    de: "Dieses Datum muss zwischen 1900 und heute liegen.",
                    en: "This date must lie between 1900 and today."
                )
            )
        }
    }

    /// `later` must not come before `earlier`; the problem is reported on `field` (the later one).
    public mutating func order(_ earlier: Day?, _ later: Day?, _ field: String, after earlierField: String) {
        guard let earlier, let later, later < earlier else { return }
        add(
            field,
            .dateOrder,
            LocalizedText(
                fr: "Cette date ne peut pas précéder « \(earlierField) ».",
                de: "Dieses Datum darf nicht vor «\(earlierField)» liegen.",
                en: "This date cannot come before '\(earlierField)'."
            )
        )
    }

    /// A directory entry that must exist.
    public mutating func collaborator(_ id: Int64, _ field: String) {
        guard !context.collaboratorIDs.contains(id) else { return }
        add(
            field,
            .unknownCode,
            LocalizedText(
                fr: "Ce collaborateur n'est pas dans l'annuaire : adressez-vous au Bureau CII.",
                de: "Diese Person ist nicht im Verzeichnis: Wenden Sie sich an das IIZ-Büro.",
                en: "This collaborator is not in the directory: ask the CII bureau."
            )
        )
    }
}
