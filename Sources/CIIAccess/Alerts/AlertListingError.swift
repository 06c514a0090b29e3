public import CIIAudit

/// Why a listing of alerts cannot be shown.
public enum AlertListingError: Error, Sendable {
    /// The alerts cannot be read from the node database.
    case storage(AccessError)
    /// The audit log cannot take the listing's entry: nothing is shown (503).
    case audit(AuditError)
}
