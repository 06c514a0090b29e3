public import CIICore

/// The rules a new password must follow: long rather than complicated (NIST SP 800-63B).
///
/// At least 12 characters, not one of the commonly used passwords, not the person's e-mail or
/// name, not the password it replaces, and not a single repeated character.
public struct PasswordPolicy: Sendable {
    /// The shortest password accepted.
    public var minimumLength = 12
    /// The longest password accepted (Argon2id hashes any length; this bounds the work of one login).
    public var maximumLength = 256

    /// The default policy.
    public init() {}

    /// Why a password is refused.
    public enum Problem: String, Sendable, Equatable {
        /// Shorter than ``PasswordPolicy/minimumLength``.
        case tooShort
        /// Longer than ``PasswordPolicy/maximumLength``.
        case tooLong
        /// A common password, or one character repeated.
        case tooCommon
        /// Contains the person's e-mail or name.
        case personal
        /// The same as the password it replaces.
        case unchanged
        /// The two entries differ.
        case mismatch

        /// The explanation, in `language`.
        public func message(_ language: Language) -> String {
            switch self {
            case .tooShort:
                LocalizedText(
                    fr: "Le mot de passe doit compter au moins 12 caractères (une phrase facile à retenir convient bien).",
                    de: "Das Passwort muss mindestens 12 Zeichen lang sein (ein leicht zu merkender Satz eignet sich gut).",
                    en: "The password must be at least 12 characters long (an easy-to-remember phrase works well)."
                )(language)
            case .tooLong:
                LocalizedText(
                    fr: "Le mot de passe ne peut pas dépasser 256 caractères.",
                    de: "Das Passwort darf höchstens 256 Zeichen lang sein.",
                    en: "The password may be at most 256 characters long."
                )(language)
            case .tooCommon:
                LocalizedText(
                    fr: "Ce mot de passe est trop courant ou trop répétitif ; choisissez-en un autre.",
                    de: "Dieses Passwort ist zu verbreitet oder zu eintönig; wählen Sie ein anderes.",
                    en: "This password is too common or too repetitive; choose another one."
                )(language)
            case .personal:
                LocalizedText(
                    fr: "Le mot de passe ne doit contenir ni votre adresse e-mail ni votre nom.",
                    de: "Das Passwort darf weder Ihre E-Mail-Adresse noch Ihren Namen enthalten.",
                    en: "The password must not contain your e-mail address or your name."
                )(language)
            case .unchanged:
                LocalizedText(
                    fr: "Le nouveau mot de passe doit être différent de l'actuel.",
                    de: "Das neue Passwort muss sich vom bisherigen unterscheiden.",
                    en: "The new password must differ from the current one."
                )(language)
            case .mismatch:
                LocalizedText(
                    fr: "Les deux saisies du nouveau mot de passe ne sont pas identiques.",
                    de: "Die beiden Eingaben des neuen Passworts stimmen nicht überein.",
                    en: "The two entries of the new password differ."
                )(language)
            }
        }
    }

    static let common: Set<String> = [
        "123456789012", "1234567890123", "password1234", "motdepasse123", "passwort1234", "azertyuiop123", "qwertzuiop123",
        "qwertyuiop123", "123456789abc", "abcdefghijkl", "passwordpassword", "motdepassemotdepasse", "iloveyou1234", "welcome12345",
        "bienvenue123", "willkommen123", "changeme1234", "administrator", "sommerzeit2024", "soleil123456", "valais123456",
        "wallis123456", "sion12345678", "martigny1234", "123123123123", "111111111111", "000000000000", "letmein12345",
    ]

    /// The first problem of `password` for the person `email` named `name`, or nil when it is acceptable.
    public func problem(with password: String, email: String, name: String, current: String? = nil) -> Problem? {
        let length = password.count
        if length < minimumLength { return .tooShort }
        if length > maximumLength { return .tooLong }
        let lowered = password.lowercased()
        if Set(lowered).count <= 2 || Self.common.contains(lowered) { return .tooCommon }
        let local = email.split(separator: "@").first.map { $0.lowercased() } ?? ""
        if local.count >= 4, lowered.contains(local) { return .personal }
        for part in name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }) where part.count >= 4 {
            if lowered.contains(part) { return .personal }
        }
        if let current, current == password { return .unchanged }
        return nil
    }
}
