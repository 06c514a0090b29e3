import CIICore
import Curl

/// The daily e-mail that says how many alerts wait, never whom they concern.
enum DigestMail {
    static func message(count: Int, to account: Account, from: String, node: String, url: String?) -> MailMessage {
        let link = url.map { "\n\($0)/alerts\n" } ?? ""
        let subject = LocalizedText(
            fr: "Système d'alerte CII : \(count) nouvelle(s) alerte(s)",
            de: "IIZ-Alarmsystem: \(count) neue Meldung(en)",
            en: "CII alert system: \(count) new alert(s)"
        )(account.language)
        let body = LocalizedText(
            fr: """
                Bonjour \(account.name),

                \(count) nouvelle(s) alerte(s) de chevauchement vous attend(ent) sur le nœud \(node) :
                un autre dispositif suit désormais une personne que vous suivez.
                Connectez-vous pour les consulter.
                \(link)
                Ce message ne dit volontairement pas de qui il s'agit.
                Vous pouvez désactiver ce résumé quotidien dans « Mon compte ».
                """,
            de: """
                Guten Tag \(account.name)

                Auf dem Knoten \(node) warten \(count) neue Überschneidungsmeldung(en) auf Sie:
                Ein anderes Dispositiv betreut nun eine Person, die Sie betreuen.
                Melden Sie sich an, um sie einzusehen.
                \(link)
                Diese Nachricht sagt absichtlich nicht, um wen es geht.
                Sie können diese tägliche Zusammenfassung unter «Mein Konto» abbestellen.
                """,
            en: "\(count) new overlap alert(s) wait for you on \(node).\(link)"
        )(account.language)
        return MailMessage(from: from, to: [account.email], subject: subject, textBody: body)
    }
}
