import CIICore
import CIIRegistry
import HTTPTypes

extension RegistryAPIError {
    /// The API's answer to a refusal of the registry service.
    static func of(_ error: RegistryError) -> RegistryAPIError {
        switch error.kind {
        case .invalid:
            return RegistryAPIError(
                .unprocessableContent,
                problems: error.problems.map { Problem(field: $0.field, code: $0.code.rawValue, message: $0.message) }
            )
        case .notFound: return .notFound
        case .conflict:
            return RegistryAPIError(
                .preconditionFailed,
                code: "case.changed",
                LocalizedText(
                    fr: "Le cas a changé depuis votre lecture : relisez-le (nouvel ETag) et refaites la modification. Rien n'a été enregistré.",
                    de: "Der Fall wurde seit Ihrem Lesen geändert: lesen Sie ihn neu (neues ETag) und ändern Sie erneut. Nichts wurde gespeichert.",
                    en: "The case changed since you read it: read it again (new ETag) and redo the change. Nothing was saved."
                )
            )
        case .forbidden: return .forbidden
        case .unavailable:
            var unavailable = RegistryAPIError(
                .serviceUnavailable,
                code: "registry.unavailable",
                LocalizedText(
                    fr: "Le registre ne peut pas être lu ni écrit pour le moment ; rien n'a été modifié. Réessayez plus tard.",
                    de: "Das Register kann im Moment nicht gelesen oder geschrieben werden; nichts wurde geändert. Versuchen Sie es später.",
                    en: "The registry cannot be read or written right now; nothing was changed. Try again later."
                )
            )
            unavailable.retryAfter = 30
            return unavailable
        }
    }

    /// 404: no such case, or one outside the caller's scope (the two answer alike).
    static var notFound: RegistryAPIError {
        RegistryAPIError(
            .notFound,
            code: "case.not_found",
            LocalizedText(fr: "Aucun cas avec ce numéro.", de: "Kein Fall mit dieser Nummer.", en: "No case with this number.")
        )
    }

    /// 403: the caller's role may not do this.
    static var forbidden: RegistryAPIError {
        RegistryAPIError(
            .forbidden,
            code: "role.forbidden",
            LocalizedText(
                fr: "Votre rôle ne permet pas cette opération.",
                de: "Ihre Rolle erlaubt diesen Vorgang nicht.",
                en: "Your role does not allow this operation."
            )
        )
    }

    /// 401: no session.
    static var authRequired: RegistryAPIError {
        RegistryAPIError(
            .unauthorized,
            code: "auth.required",
            LocalizedText(
                fr: "Connectez-vous sur la page du coordinateur ; l'API du registre utilise la session du navigateur.",
                de: "Melden Sie sich auf der Seite des Koordinators an; die Register-API nutzt die Sitzung des Browsers.",
                en: "Log in on the coordinator's page; the registry API uses the browser's session."
            )
        )
    }

    /// 403: a write without the session's anti-forgery token.
    static var csrf: RegistryAPIError {
        RegistryAPIError(
            .forbidden,
            code: "auth.csrf",
            LocalizedText(
                fr: "Une modification avec le cookie de session doit envoyer l'en-tête X-CSRF-Token.",
                de: "Eine Änderung mit dem Sitzungs-Cookie muss den Header X-CSRF-Token senden.",
                en: "A change with the session cookie must send the header X-CSRF-Token."
            )
        )
    }

    /// 403: an account that must first change its one-time password.
    static var passwordChange: RegistryAPIError {
        RegistryAPIError(
            .forbidden,
            code: "auth.password_change",
            LocalizedText(
                fr: "Changez d'abord le mot de passe à usage unique sur la page.",
                de: "Ändern Sie zuerst das Einmalpasswort auf der Seite.",
                en: "Change the one-time password on the page first."
            )
        )
    }

    /// 428: an update without `If-Match`.
    static var preconditionRequired: RegistryAPIError {
        RegistryAPIError(
            .init(code: 428, reasonPhrase: "Precondition Required"),
            code: "precondition.required",
            field: "If-Match",
            LocalizedText(
                fr: "Une modification doit envoyer l'en-tête If-Match avec l'ETag du cas lu (par ex. \"3\").",
                de: "Eine Änderung muss den Header If-Match mit dem ETag des gelesenen Falls senden (z. B. \"3\").",
                en: "A change must send the header If-Match with the ETag of the case read (e.g. \"3\")."
            )
        )
    }

    /// 503: the audit log cannot take the entry, so nothing is shown or changed.
    static var auditUnavailable: RegistryAPIError {
        var error = RegistryAPIError(
            .serviceUnavailable,
            code: "audit.unavailable",
            LocalizedText(
                fr: "Le journal d'audit ne peut pas être écrit ; rien n'est affiché ni modifié sans son entrée. Réessayez plus tard.",
                de:
                    "Das Audit-Protokoll kann nicht geschrieben werden; ohne seinen Eintrag wird nichts angezeigt oder geändert. Später erneut versuchen.",
                en: "The audit log cannot be written; nothing is shown or changed without its entry. Try again later."
            )
        )
        error.retryAfter = 30
        return error
    }

    /// 413: a body larger than the API takes.
    static var tooLarge: RegistryAPIError {
        RegistryAPIError(
            .contentTooLarge,
            code: "request.too_large",
            LocalizedText(
                fr: "La requête dépasse 1 Mo.",
                de: "Die Anfrage ist grösser als 1 MB.",
                en: "The request is larger than 1 MB."
            )
        )
    }

    /// 422 for one field.
    static func invalid(_ field: String, _ code: String, _ message: LocalizedText) -> RegistryAPIError {
        RegistryAPIError(.unprocessableContent, code: code, field: field, message)
    }
}
