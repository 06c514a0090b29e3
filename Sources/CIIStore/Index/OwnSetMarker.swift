/// What tells the index that another process (`ciid import`, an epoch retirement run beside
/// `ciid serve`) changed the own set or retired an epoch: every import records an `import_run`
/// row and every retirement a `retired_epoch` row, in the transaction that changes the data.
struct OwnSetMarker: Sendable, Equatable {
    /// The last import run's id (0 when none).
    var lastImport: Int64
    /// How many epochs are retired, and the newest of them.
    var retiredCount: Int64
    var newestRetired: Int64
}
