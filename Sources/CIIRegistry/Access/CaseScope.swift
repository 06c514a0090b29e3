public import CIICore

/// Which case periods an actor sees: what searches filter on and what reads check.
public enum CaseScope: Sendable, Hashable {
    /// Every case (the bureau).
    case all
    /// The cases of one region (a coordinator).
    case region(Region)
    /// The cases naming one directory entry as announcing or involved (a respondent).
    case collaborator(Int64)
    /// No case at all (an admin, or a respondent without a directory entry).
    case none

    /// Whether `period` lies in the scope.
    public func contains(_ period: CasePeriod) -> Bool {
        switch self {
        case .all: true
        case .region(let region): period.announcement.region == region
        case .collaborator(let id): period.collaborators.collaboratorIDs.contains(id)
        case .none: false
        }
    }
}
