/// A collaborator taking part in a case: an entry of the bureau's directory, in a CII function.
public struct CaseCollaborator: Sendable, Hashable, Codable {
    /// The directory entry (``Collaborator/id``).
    public var collaboratorID: Int64
    /// The function they hold in this case.
    public var function: CIIFunction

    /// Creates a participation.
    public init(collaboratorID: Int64, function: CIIFunction) {
        self.collaboratorID = collaboratorID
        self.function = function
    }
}
