import CIIRegistry

/// A data row of a registry import, read and checked.
struct RegistryRow: Sendable {
    /// What the row gives.
    enum Content: Sendable {
        /// A case period that passed every rule.
        case valid(ImportedCase)
        /// Every problem of the row.
        case invalid([RowProblem])
        /// A cancelled case period (from an export): not imported.
        case cancelled
    }

    /// The physical line where the row starts.
    var line: Int
    /// What it gives.
    var content: Content
    /// The service group of each of the case's services, in order (`services[i]` is group `serviceGroups[i]`).
    var serviceGroups: [Int]
}
