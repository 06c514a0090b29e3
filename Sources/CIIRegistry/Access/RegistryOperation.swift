/// The operations of the registry besides reading and writing a tab.
public enum RegistryOperation: String, Sendable, Hashable, CaseIterable {
    /// Create a person and a case period.
    case createCase
    /// Search case periods.
    case search
    /// Cancel a case with a reason.
    case cancelCase
    /// Read the bureau's notices (cancellations).
    case readNotices
    /// Keep the collaborator directory.
    case manageDirectory
    /// Keep the code lists (document codes).
    case manageCodeLists
    /// Manage registry accounts and roles.
    case manageUsers
    /// List the cases whose power of attorney expired or expires soon.
    case listPowersOfAttorney
    /// Read the yearly medical-mandate invoices.
    case invoices
    /// Read cancelled cases (for the audit).
    case readCancelled
    /// Import case periods from a file (`ciid registry import`).
    case importCases
    /// Make the right-of-access report of a person (everything held about them).
    case personReport
    /// Export case periods (with AVS numbers) to a file.
    case export
    /// Record the trainings and regional days, and read them.
    case manageTrainings
    /// Read the annual report (counts only, naming nobody).
    case annualReport
}
