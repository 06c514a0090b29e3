public import CIICore
public import Curl
public import Foundation

extension BureauMail {
    /// The mail of a cancellation, in French and German.
    public func cancellation(caseID: Int64, by: String, at: Date) -> MailMessage {
        let when = Self.swissTime(at)
        let body = """
            Le cas n° \(caseID) du registre CII a été annulé par \(by) le \(when) (heure suisse).
            Le motif est scellé dans le registre : lisez-le dans la file des avis du bureau\(link).

            Fall Nr. \(caseID) des IIZ-Registers wurde am \(when) (Schweizer Zeit) von \(by) storniert.
            Der Grund ist im Register versiegelt: lesen Sie ihn in der Meldungsliste des Büros\(link).

            \(footer)
            """
        return MailMessage(
            from: from,
            to: [address],
            subject: "Registre CII : cas \(caseID) annulé / IIZ-Register: Fall \(caseID) storniert",
            textBody: body,
            headers: [("Auto-Submitted", "auto-generated")]
        )
    }

    /// The weekly digest, in French and German; nil when there is nothing to tell.
    public func digest(_ lines: [DigestLine], week: Day) -> MailMessage? {
        guard !lines.isEmpty else { return nil }
        let sorted = lines.sorted { ($0.expiry, $0.caseID) < ($1.expiry, $1.caseID) }
        let french = sorted.map { "  cas \($0.caseID) : \($0.expired ? "échue le" : "échoit le") \($0.expiry.iso)" }.joined(separator: "\n")
        let german = sorted.map { "  Fall \($0.caseID): \($0.expired ? "abgelaufen am" : "läuft ab am") \($0.expiry.iso)" }.joined(separator: "\n")
        let body = """
            Procurations CII échues ou échéant dans les 30 jours (semaine du \(week.iso)) : \(lines.count) cas.

            \(french)

            Renouvelez-les ou clôturez les cas dans le registre\(link).

            IIZ-Vollmachten, abgelaufen oder in den nächsten 30 Tagen ablaufend (Woche vom \(week.iso)): \(lines.count) Fälle.

            \(german)

            Erneuern Sie sie oder schliessen Sie die Fälle im Register ab\(link).

            \(footer)
            """
        return MailMessage(
            from: from,
            to: [address],
            subject: "Registre CII : \(lines.count) procuration(s) à renouveler / IIZ-Register: \(lines.count) Vollmacht(en) zu erneuern",
            textBody: body,
            headers: [("Auto-Submitted", "auto-generated")]
        )
    }

    private var footer: String {
        """
        — \(node). Message automatique, sans nom ni numéro AVS ; n'y répondez pas.
        — \(node). Automatische Nachricht, ohne Namen und AHV-Nummer; bitte nicht antworten.
        """
    }

    /// ` (https://…)`: the coordinator's address, when it has one.
    private var link: String {
        url.map { " (\($0))" } ?? ""
    }

    /// `2026-12-02 14:03` in Swiss time.
    static func swissTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.switzerland
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        return "\(Day(date).iso) \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
