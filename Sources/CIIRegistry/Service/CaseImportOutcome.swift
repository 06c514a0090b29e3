/// What an import did with one ``ImportedCase``.
public enum CaseImportOutcome: Sendable, Hashable {
    /// Stored as case `caseID` (0 in a dry run); `newPerson` when its person was not known before.
    case created(caseID: Int64, newPerson: Bool)
    /// Refused: every problem found, with field paths (`person.birthDate`, `services[0].end`).
    case invalid([RegistryProblem])
    /// Skipped: the person already has case `caseID` with the same announcement day and dispositif.
    case alreadyInRegistry(caseID: Int64)
    /// Skipped: the input at index `earlier` is the same case period (same person, day, dispositif).
    case duplicateInInput(earlier: Int)
}
