public import CIICore

/// Why a login step was refused, with what to tell the person.
public enum LoginRefusal: Sendable, Equatable {
    /// Unknown e-mail or wrong password, slowed down or not: the same answer for all.
    case badCredentials
    /// Too many logins are being checked at once: try again in `retryAfter` seconds (nothing was checked).
    case busy(retryAfter: Int)
    /// Disabled by an admin.
    case disabled
    /// Unused for four months: disabled until an admin renews it.
    case expired
    /// The login code could not be sent.
    case mailUnavailable
    /// No pending login (expired, already used, or unknown): start again.
    case loginExpired
    /// The code is wrong; `remaining` attempts are left for this login.
    case wrongCode(remaining: Int)

    /// The explanation, in `language`.
    public func message(_ language: Language) -> String {
        switch self {
        case .badCredentials:
            LocalizedText(
                fr: "Adresse e-mail ou mot de passe incorrect.",
                de: "E-Mail-Adresse oder Passwort falsch.",
                en: "Wrong e-mail address or password."
            )(language)
        case .busy(let seconds):
            LocalizedText(
                fr: "Trop de connexions en ce moment : réessayez dans \(seconds) secondes.",
                de: "Zu viele Anmeldungen im Moment: Versuchen Sie es in \(seconds) Sekunden erneut.",
                en: "Too many logins right now: try again in \(seconds) seconds."
            )(language)
        case .disabled:
            LocalizedText(
                fr: "Ce compte est désactivé. Adressez-vous à l'administrateur du nœud de votre dispositif.",
                de: "Dieses Konto ist deaktiviert. Wenden Sie sich an die Administration des Knotens Ihres Dispositivs.",
                en: "This account is disabled. Ask the administrator of your dispositif's node."
            )(language)
        case .expired:
            LocalizedText(
                fr: "Ce compte n'a pas été utilisé depuis quatre mois et a été désactivé. L'administrateur peut le renouveler.",
                de: "Dieses Konto wurde seit vier Monaten nicht benutzt und ist deaktiviert. Die Administration kann es erneuern.",
                en: "This account was not used for four months and is disabled. The administrator can renew it."
            )(language)
        case .mailUnavailable:
            LocalizedText(
                fr: "Le code de vérification n'a pas pu être envoyé. Réessayez dans un instant ; si cela persiste, prévenez l'administrateur.",
                de:
                    "Der Bestätigungscode konnte nicht gesendet werden. Versuchen Sie es gleich noch einmal; falls es so bleibt, informieren Sie die Administration.",
                en: "The verification code could not be sent. Try again in a moment; if it persists, tell the administrator."
            )(language)
        case .loginExpired:
            LocalizedText(
                fr: "Cette connexion a expiré. Recommencez avec votre adresse e-mail et votre mot de passe.",
                de: "Diese Anmeldung ist abgelaufen. Beginnen Sie erneut mit E-Mail-Adresse und Passwort.",
                en: "This login has expired. Start again with your e-mail address and password."
            )(language)
        case .wrongCode(let remaining):
            LocalizedText(
                fr: "Code incorrect. Essais restants : \(remaining).",
                de: "Falscher Code. Verbleibende Versuche: \(remaining).",
                en: "Wrong code. Attempts left: \(remaining)."
            )(language)
        }
    }
}
