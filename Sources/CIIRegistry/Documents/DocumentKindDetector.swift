/// Tells a document's ``DocumentKind`` from its bytes as they stream past, keeping only a bounded
/// head and, for ZIP containers, a bounded tail (where the central directory is).
struct DocumentKindDetector {
    /// How many leading bytes are kept (enough for every signature and an ODT `mimetype` entry).
    static let headLength = 512
    /// How many trailing bytes of a ZIP container are kept: its central directory must fit.
    static let tailLength = 256 * 1024

    private(set) var head: [UInt8] = []
    private(set) var tail: [UInt8] = []
    private(set) var size = 0
    private var text = UTF8Check()

    /// Looks at the next bytes.
    mutating func feed(_ bytes: [UInt8]) {
        if head.count < Self.headLength { head += bytes.prefix(Self.headLength - head.count) }
        size += bytes.count
        // A file that opens with a binary kind's signature is never told as text: do not check
        // every byte of it as UTF-8.
        if !(head.count >= 8 && hasBinarySignature) { text.feed(bytes) }
        if head.starts(with: Self.zipSignature) {
            tail += bytes
            if tail.count > 2 * Self.tailLength { tail.removeFirst(tail.count - Self.tailLength) }
        }
    }

    /// The kind of everything fed.
    /// - Throws: ``DocumentError`` with `empty` or `unsupportedKind`.
    func kind() throws(DocumentError) -> DocumentKind {
        guard size > 0 else { throw DocumentError(.empty, "the file is empty") }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: Self.zipSignature) { return try zipKind() }
        if text.isComplete { return .text }
        throw DocumentError(.unsupportedKind, Self.accepted)
    }

    /// True when the head opens with the signature of PDF, PNG, JPEG or a ZIP container.
    var hasBinarySignature: Bool {
        head.starts(with: Array("%PDF-".utf8)) || head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            || head.starts(with: [0xFF, 0xD8, 0xFF]) || head.starts(with: Self.zipSignature)
    }

    static let accepted =
        "the file is not one of the accepted kinds (PDF, PNG, JPEG, DOCX, XLSX, ODT, plain UTF-8 text); its content decides, not its name"
    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
}
