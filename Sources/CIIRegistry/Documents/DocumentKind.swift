/// The kinds of file the registry keeps, told by their content and never by their name.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    /// PDF (`%PDF-`).
    case pdf
    /// PNG image.
    case png
    /// JPEG image.
    case jpeg
    /// Word document (a ZIP container with `word/` entries).
    case docx
    /// Excel workbook (a ZIP container with `xl/` entries).
    case xlsx
    /// OpenDocument text (a ZIP container whose first entry is its `mimetype`).
    case odt
    /// Plain text: valid UTF-8 without NUL bytes.
    case text

    /// The media type to serve it with.
    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .text: "text/plain; charset=utf-8"
        }
    }

    /// The usual file name extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        default: rawValue
        }
    }
}
