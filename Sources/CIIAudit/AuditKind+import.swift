extension AuditKind {
    /// An import of the institution's follow-ups was applied: its counts (`rows`, `accepted`,
    /// `rejected`, `upserted`, `retracted`, `unchanged`…), never a number from the file. The people
    /// it changed follow in ``importChanges`` entries.
    public static let importApplied = AuditKind(rawValue: "import")
    /// People an import changed: `change` (`added`, `updated`, `amended`, `retracted`) and
    /// `fingerprints`, a comma-separated list of fingerprints (at most ``importChangesPerEntry``).
    public static let importChanges = AuditKind(rawValue: "import_changes")
    /// The most fingerprints one ``importChanges`` entry lists, so that a line stays short.
    public static let importChangesPerEntry = 500
}
