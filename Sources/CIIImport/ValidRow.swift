import CIICore

/// A data row that passed every rule.
struct ValidRow {
    /// The person.
    var avs: AVSNumber
    /// The day the follow-up started.
    var startedOn: Day
    /// The day of the last follow-up, at most today.
    var lastOn: Day
    /// The caseworker identifier, if any.
    var caseworker: String?
    /// The institution's dossier reference, if any (never an AVS number).
    var reference: String?
    /// Whether the last follow-up was after today and was set to today.
    var clamped: Bool
}
