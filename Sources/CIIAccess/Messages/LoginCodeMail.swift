import CIICore
import Curl

/// The e-mail that carries a login code, in the account's language.
enum LoginCodeMail {
    static func message(code: String, to account: Account, from: String, node: String, minutes: Int) -> MailMessage {
        let subject = LocalizedText(
            fr: "Votre code de connexion ciid : \(code)",
            de: "Ihr ciid-Anmeldecode: \(code)",
            en: "Your ciid login code: \(code)"
        )(account.language)
        let body = LocalizedText(
            fr: """
                Bonjour \(account.name),

                Votre code de vérification pour le système d'alerte CII (\(node)) est :

                    \(code)

                Il est valable \(minutes) minutes et une seule fois.
                Si vous n'avez pas demandé ce code, quelqu'un connaît peut-être votre mot de passe :
                changez-le et prévenez l'administrateur du nœud.

                Ce message est envoyé automatiquement ; n'y répondez pas.
                """,
            de: """
                Guten Tag \(account.name)

                Ihr Bestätigungscode für das IIZ-Alarmsystem (\(node)) lautet:

                    \(code)

                Er ist \(minutes) Minuten lang und nur einmal gültig.
                Haben Sie diesen Code nicht angefordert, kennt vielleicht jemand Ihr Passwort:
                Ändern Sie es und informieren Sie die Administration des Knotens.

                Diese Nachricht wird automatisch versandt; bitte nicht antworten.
                """,
            en: "Your ciid verification code is \(code), valid \(minutes) minutes, once."
        )(account.language)
        return MailMessage(from: from, to: [account.email], subject: subject, textBody: body)
    }
}
