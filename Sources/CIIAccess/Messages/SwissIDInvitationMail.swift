import CIICore
import Curl

/// The e-mail inviting a person to log in with SwissID once, which links their SwissID to their account.
enum SwissIDInvitationMail {
    static func message(link: String, to account: Account, from: String, node: String, days: Int) -> MailMessage {
        let subject = LocalizedText(
            fr: "Votre accès au registre CII avec SwissID",
            de: "Ihr Zugang zum IIZ-Register mit SwissID",
            en: "Your access to the CII registry with SwissID"
        )(account.language)
        let body = LocalizedText(
            fr: """
                Bonjour \(account.name),

                Le bureau CII vous a ouvert un accès au registre (\(node)). Pour le lier à votre SwissID,
                ouvrez ce lien et connectez-vous avec votre SwissID (identité vérifiée) :

                    \(link)

                Le lien est valable \(days) jours et une seule fois. Ensuite, connectez-vous avec le bouton
                « Se connecter avec SwissID » de la page de connexion.
                Si vous n'attendiez pas ce message, ignorez-le et prévenez le bureau CII.

                Ce message est envoyé automatiquement ; n'y répondez pas.
                """,
            de: """
                Guten Tag \(account.name)

                Das IIZ-Büro hat Ihnen einen Zugang zum Register (\(node)) eingerichtet. Um ihn mit Ihrer
                SwissID zu verbinden, öffnen Sie diesen Link und melden Sie sich mit Ihrer SwissID
                (verifizierte Identität) an:

                    \(link)

                Der Link ist \(days) Tage lang und nur einmal gültig. Danach melden Sie sich mit der
                Schaltfläche «Mit SwissID anmelden» der Anmeldeseite an.
                Haben Sie diese Nachricht nicht erwartet, ignorieren Sie sie und informieren Sie das IIZ-Büro.

                Diese Nachricht wird automatisch versandt; bitte nicht antworten.
                """,
            en: "Open \(link) within \(days) days and log in with SwissID to link it to your account."
        )(account.language)
        return MailMessage(from: from, to: [account.email], subject: subject, textBody: body)
    }
}
