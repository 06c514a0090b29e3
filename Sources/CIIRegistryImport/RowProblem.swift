import CIICore

/// One thing wrong with a row of a registry import: the column (none for the whole row), a
/// stable code and a message. Never holds a cell's value.
struct RowProblem: Sendable, Hashable {
    /// The column at fault; `nil` for the whole row.
    var column: RegistryColumn?
    /// `required`, `invalid_date`, `unknown_code`, `invalid_avs`, `date_order`, … (the registry's
    /// problem codes, and the import's own).
    var code: String
    /// What is wrong.
    var message: LocalizedText
}
