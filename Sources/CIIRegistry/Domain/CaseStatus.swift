public import CIICore

/// Where a case period stands: open until the CII closes it, or cancelled.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Announced or taken on, not closed.
    case open
    /// Closed by the CII (decision tab).
    case closed
    /// Cancelled with a reason: out of every normal view and search, kept for the audit.
    case cancelled

    /// The status in `language`.
    public func label(_ language: Language) -> String {
        switch self {
        case .open: LocalizedText(fr: "Ouvert", de: "Offen", en: "Open")(language)
        case .closed: LocalizedText(fr: "Clôturé", de: "Abgeschlossen", en: "Closed")(language)
        case .cancelled: LocalizedText(fr: "Annulé", de: "Storniert", en: "Cancelled")(language)
        }
    }
}
