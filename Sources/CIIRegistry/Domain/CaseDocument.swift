/// One line of the tab "Documents": the metadata of a file kept in the document vault.
/// The file itself, encrypted, lives in the vault under ``vaultID``.
public struct CaseDocument: Sendable, Hashable, Codable {
    /// The title ("Désignation").
    public var designation: String
    /// The code of the CII codification (``DocumentCode/code``).
    public var code: String
    /// The vault's id of the file.
    public var vaultID: String
    /// Its size in bytes.
    public var size: Int64
    /// The kind detected from its content (`pdf`, `png`, `jpeg`, `docx`, `xlsx`, `odt`, `text`).
    public var kind: String
    /// For a power of attorney: start and duration (the expiry is computed).
    public var powerOfAttorney: PowerOfAttorney?

    /// Creates a document line.
    public init(designation: String, code: String, vaultID: String, size: Int64, kind: String, powerOfAttorney: PowerOfAttorney? = nil) {
        self.designation = designation
        self.code = code
        self.vaultID = vaultID
        self.size = size
        self.kind = kind
        self.powerOfAttorney = powerOfAttorney
    }
}
