import CIICore
import CIIRegistry

/// The body of `PUT …/cases/{id}/gravity`: `{"action": "confirm"}`, `{"action": "rescore"}` or
/// `{"action": "override", "index": 3.5, "reason": "…"}`.
struct GravityReviewBody: Decodable {
    let action: String
    let index: Double?
    let reason: String?

    /// The decision, or a 422 naming what is missing.
    func decision() throws(RegistryAPIError) -> GravityDecision {
        switch action {
        case "confirm": return .confirm
        case "rescore": return .rescore
        case "override":
            guard let index else {
                throw .invalid("gravity.index", "required", LocalizedText(fr: "Champ obligatoire.", de: "Pflichtfeld.", en: "Required field."))
            }
            guard index.isFinite, abs(index) < 1_000 else {
                throw .invalid(
                    "gravity.index",
                    "out_of_range",
                    LocalizedText(
                        fr: "Indice hors limites (0 à 6.5).",
                        de: "Index ausserhalb des Bereichs (0 bis 6.5).",
                        en: "Index out of range (0 to 6.5)."
                    )
                )
            }
            return .override(GravityIndex(index), reason: reason ?? "")
        default:
            throw .invalid(
                "gravity.action",
                "unknown_code",
                LocalizedText(
                    fr: "Action inconnue : confirm, override ou rescore.",
                    de: "Unbekannte Aktion: confirm, override oder rescore.",
                    en: "Unknown action: confirm, override or rescore."
                )
            )
        }
    }
}
