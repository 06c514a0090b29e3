/// What the vault tells about a document it stored.
public struct StoredDocument: Sendable, Equatable, Codable {
    /// Its id in the vault.
    public let id: DocumentID
    /// The plaintext size, in bytes.
    public let size: Int
    /// The kind told by its content.
    public let kind: DocumentKind

    /// Creates a description.
    public init(id: DocumentID, size: Int, kind: DocumentKind) {
        self.id = id
        self.size = size
        self.kind = kind
    }
}
