public import CIICore

/// A check refused because its caller reached a limit.
public struct CheckLimit: Sendable, Equatable {
    /// Which limit.
    public enum Window: String, Sendable {
        /// Checks per minute.
        case minute
        /// Checks per day.
        case day
    }

    /// The window that is full.
    public let window: Window
    /// The limit of that window.
    public let limit: Int

    /// The explanation shown to the person, in `language`.
    public func message(_ language: Language) -> String {
        switch window {
        case .minute:
            LocalizedText(
                fr:
                    "Vous avez atteint la limite de \(limit) vérifications par minute. Attendez une minute avant la suivante. Cette limite protège les personnes suivies : personne ne doit pouvoir parcourir le registre.",
                de:
                    "Sie haben die Grenze von \(limit) Prüfungen pro Minute erreicht. Warten Sie eine Minute bis zur nächsten. Diese Grenze schützt die betreuten Personen: Niemand soll das Verzeichnis durchsuchen können.",
                en:
                    "You reached the limit of \(limit) checks per minute. Wait a minute before the next one. The limit protects the people followed: nobody may go through the register."
            )(language)
        case .day:
            LocalizedText(
                fr:
                    "Vous avez atteint la limite de \(limit) vérifications par jour. Vous pourrez reprendre demain ; si votre travail en demande davantage, adressez-vous à l'administrateur.",
                de:
                    "Sie haben die Grenze von \(limit) Prüfungen pro Tag erreicht. Morgen können Sie weiterfahren; braucht Ihre Arbeit mehr, wenden Sie sich an die Administration.",
                en: "You reached the limit of \(limit) checks per day. You can go on tomorrow; if your work needs more, ask the administrator."
            )(language)
        }
    }
}
