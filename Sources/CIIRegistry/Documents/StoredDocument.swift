/// What the vault tells about a document it stored.
public struct StoredDocument: Sendable, Equatable, Codable {
    /// Its id in the vault.
    public let id: DocumentID
    /// The plaintext size, in bytes.
    public let size: Int
    /// The kind told by its content.
    public let kind: DocumentKind
    /// The SHA-256 digest of the plaintext, 64 lowercase hex digits.
    public let sha256: String

    /// Creates a description.
    public init(id: DocumentID, size: Int, kind: DocumentKind, sha256: String) {
        self.id = id
        self.size = size
        self.kind = kind
        self.sha256 = sha256
    }
}
