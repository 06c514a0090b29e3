public import CIICore

/// What went wrong with an account, a login or a token, in words an admin can act on.
///
/// Never holds a password, a login code, a token or an AVS number.
public struct AccessError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The kinds of failure.
    public enum Code: String, Sendable {
        /// No account (or token) with that e-mail or number.
        case unknownAccount
        /// An account with that e-mail exists already.
        case duplicateEmail
        /// A field is not acceptable (e-mail, name, role, language…).
        case invalidField
        /// The new password breaks the password policy.
        case weakPassword
        /// The current password given is wrong.
        case wrongPassword
        /// The TOTP code given is wrong.
        case wrongCode
        /// The access database cannot be read or written.
        case storage
        /// The node cannot send mail.
        case mail
        /// Too much is under way (SwissID logins begun and not finished); try again later.
        case busy
    }

    /// The kind of failure.
    public let code: Code
    /// What happened and what to do, in English (pages translate by ``code``).
    public let reason: String

    /// The same, in French and German, for the pages (nil: the reason is shown).
    public var text: LocalizedText?

    /// Creates an error.
    public init(_ code: Code, _ reason: String, text: LocalizedText? = nil) {
        self.code = code
        self.reason = reason
        self.text = text
    }

    /// What to show a person using `language`.
    public func message(_ language: Language) -> String { text?(language) ?? reason }

    /// The reason.
    public var description: String { reason }

    /// No account numbered `id` (removed, or a stale page).
    static func noAccount(_ id: Int64) -> AccessError {
        AccessError(
            .unknownAccount,
            "there is no account number \(id)",
            text: LocalizedText(
                fr: "Il n'y a pas de compte n° \(id) (supprimé entre-temps ? rechargez la page).",
                de: "Es gibt kein Konto Nr. \(id) (inzwischen entfernt? Laden Sie die Seite neu).",
                en: "There is no account number \(id) (removed meanwhile? reload the page)."
            )
        )
    }

    /// No live API token numbered `id` (revoked already, or a stale page).
    static func noToken(_ id: Int64) -> AccessError {
        AccessError(
            .unknownAccount,
            "there is no live API token number \(id)",
            text: LocalizedText(
                fr: "Il n'y a pas de jeton d'API actif n° \(id) (déjà révoqué ? rechargez la page).",
                de: "Es gibt kein gültiges API-Token Nr. \(id) (schon widerrufen? Laden Sie die Seite neu).",
                en: "There is no live API token number \(id) (revoked already? reload the page)."
            )
        )
    }
}
