extension AuditKind {
    /// The retention sweep deleted a case's personal data: `case` (its id), `status` (closed or
    /// cancelled), `ended` (the day), `documents` (how many files), `person` (`deleted` when the
    /// person had no other case). Never a name or an AVS number.
    public static let registryRetention = AuditKind(rawValue: "registry_retention")
}
