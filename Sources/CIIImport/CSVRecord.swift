/// One record of a CSV file: its fields unquoted, one after the other in a reused buffer.
struct CSVRecord {
    /// The physical line (1-based) on which the record starts.
    var line = 0
    /// The physical line on which it ends (later than `line` when a quoted field holds a newline).
    var lastLine = 0
    /// The unquoted bytes of every field, end to end.
    var bytes: [UInt8] = []
    /// The end offset in `bytes` of each field.
    var ends: [Int] = []

    /// The number of fields.
    var count: Int { ends.count }

    /// Tells whether every field is empty or spaces (a blank line, or `;;;` as spreadsheets write it).
    var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    /// Forgets the previous record, keeping the buffers' capacity.
    mutating func reset(line: Int) {
        self.line = line
        lastLine = line
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Closes the current field.
    mutating func endField() { ends.append(bytes.count) }

    /// Calls `body` with the bytes of field `index`.
    func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
    }

    /// Field `index` as a string with surrounding spaces removed.
    func string(_ index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        let text = String(decoding: bytes[start..<ends[index]], as: UTF8.self)
        return text.trimmingSpaces()
    }
}
