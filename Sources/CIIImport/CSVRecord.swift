/// One record of a CSV file. Unquoted fields are read in place from the text; quoted fields are
/// copied, unquoted, into a scratch buffer reused from record to record.
struct CSVRecord {
    /// Where one field's bytes are.
    struct Span {
        /// The start offset, in the text or in the scratch buffer.
        var start: Int
        /// The end offset.
        var end: Int
        /// Whether the field was quoted and its bytes are in the scratch buffer.
        var inScratch: Bool
    }

    /// The physical line (1-based) on which the record starts.
    var line = 0
    /// The physical line on which it ends (later than `line` when a quoted field holds a newline).
    var lastLine = 0
    /// The text the record is read from.
    var text: UnsafeBufferPointer<UInt8>
    /// The unquoted bytes of the quoted fields.
    var scratch: [UInt8] = []
    /// The number of fields.
    private(set) var count = 0
    private var spans: [Span] = []

    /// An empty record over `text`.
    init(text: UnsafeBufferPointer<UInt8>) {
        self.text = text
        spans.reserveCapacity(16)
    }

    /// Forgets the previous record, keeping the buffers.
    mutating func reset(line: Int) {
        self.line = line
        lastLine = line
        count = 0
        if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
    }

    /// Adds a field.
    mutating func append(_ span: Span) {
        if count < spans.count { spans[count] = span } else { spans.append(span) }
        count += 1
    }

    /// Calls `body` with the bytes of field `index`.
    func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let span = spans[index]
        if span.inScratch {
            return scratch.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[span.start..<span.end])) }
        }
        return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[span.start..<span.end])))
    }

    /// Tells whether every field is empty or spaces (a blank line, or `;;;` as spreadsheets write it).
    var isBlank: Bool {
        (0..<count).allSatisfy { index in withField(index) { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } } }
    }

    /// Field `index` as a string with surrounding spaces removed.
    func string(_ index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }.trimmingSpaces()
    }
}
