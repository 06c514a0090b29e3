/// Why a text is not a valid AVS number. The message names the rule that failed and never
/// repeats the number.
public struct AVSNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule that failed.
    public enum Code: String, Sendable, CaseIterable {
        /// Nothing was given.
        case empty = "avs.empty"
        /// A character other than a digit, a dot or a space.
        case invalidCharacter = "avs.invalid_character"
        /// Not 13 digits.
        case wrongLength = "avs.wrong_length"
        /// The first three digits are not 756.
        case wrongPrefix = "avs.wrong_prefix"
        /// The EAN-13 check digit does not match.
        case wrongCheckDigit = "avs.wrong_check_digit"
    }

    /// The rule that failed.
    public let code: Code
    /// For ``Code/invalidCharacter``: the 1-based position of the offending character.
    public let position: Int?
    /// For ``Code/wrongLength``: how many digits were given.
    public let digitCount: Int?

    /// Creates an error.
    public init(_ code: Code, position: Int? = nil, digitCount: Int? = nil) {
        self.code = code
        self.position = position
        self.digitCount = digitCount
    }

    /// The message in `language`.
    public func message(_ language: Language) -> String {
        switch code {
        case .empty:
            LocalizedText(
                fr: "Aucun numéro AVS n'a été saisi.",
                de: "Es wurde keine AHV-Nummer eingegeben.",
                en: "No AVS number was given."
            )(language)
        case .invalidCharacter:
            LocalizedText(
                fr: "Le caractère n° \(position ?? 0) n'est pas un chiffre : un numéro AVS ne contient que des chiffres, des points et des espaces.",
                de: "Das Zeichen Nr. \(position ?? 0) ist keine Ziffer: Eine AHV-Nummer enthält nur Ziffern, Punkte und Leerzeichen.",
                en: "Character \(position ?? 0) is not a digit: an AVS number holds only digits, dots and spaces."
            )(language)
        case .wrongLength:
            LocalizedText(
                fr: "Le numéro AVS doit compter 13 chiffres ; \(digitCount ?? 0) ont été saisis.",
                de: "Die AHV-Nummer muss 13 Ziffern haben; eingegeben wurden \(digitCount ?? 0).",
                en: "An AVS number has 13 digits; \(digitCount ?? 0) were given."
            )(language)
        case .wrongPrefix:
            LocalizedText(
                fr: "Un numéro AVS commence par 756.",
                de: "Eine AHV-Nummer beginnt mit 756.",
                en: "An AVS number starts with 756."
            )(language)
        case .wrongCheckDigit:
            LocalizedText(
                fr: "Le chiffre de contrôle (le dernier) ne correspond pas : le numéro contient probablement une faute de frappe.",
                de: "Die Prüfziffer (die letzte Ziffer) stimmt nicht: Die Nummer enthält wahrscheinlich einen Tippfehler.",
                en: "The check digit (the last one) does not match: the number probably holds a typing error."
            )(language)
        }
    }

    /// The English message with its code.
    public var description: String { "\(code.rawValue): \(message(.en))" }
}
