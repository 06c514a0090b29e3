/// What a change of the documents tab did: the case after it, and the files its lines no longer
/// name (to remove from the vault once the change is committed).
public struct DocumentsChange: Sendable, Hashable {
    /// The case after the change.
    public var view: CaseView
    /// The vault ids of the lines removed.
    public var removed: [String]

    /// Creates a description.
    public init(view: CaseView, removed: [String]) {
        self.view = view
        self.removed = removed
    }
}
