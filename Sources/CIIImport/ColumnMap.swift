/// Where the columns the import needs sit in the header; every other column is ignored.
struct ColumnMap {
    /// The header names as written, trimmed.
    var names: [String]
    /// The index of the AVS number.
    var avs: Int
    /// The index of the start date.
    var start: Int
    /// The index of the last follow-up date.
    var last: Int
    /// The index of the caseworker, when the export has one.
    var caseworker: Int?
    /// The index of the dossier reference, when the export has one.
    var reference: Int?

    /// The number of fields a row needs to hold the AVS number and both dates.
    var required: Int { max(avs, start, last) + 1 }

    /// Recognises the columns of `header`.
    /// - Throws: ``ImportError/Code/missingColumn`` or ``ImportError/Code/duplicateColumn``.
    init(header: [String]) throws(ImportError) {
        names = header
        var found = [ColumnRole: Int]()
        for (index, name) in header.enumerated() {
            guard let role = ColumnRole.role(ofHeader: name) else { continue }
            if let previous = found[role] {
                throw ImportError(
                    .duplicateColumn,
                    "Two columns hold the \(role.title): \"\(header[previous])\" (column \(previous + 1)) and \"\(name)\" (column \(index + 1)). Keep only one of them in the export."
                )
            }
            found[role] = index
        }
        let missing = [ColumnRole.avs, .start, .last].filter { found[$0] == nil }
        guard missing.isEmpty, let avs = found[.avs], let start = found[.start], let last = found[.last] else {
            let lines = missing.map { role in
                "- no column for the \(role.title); accepted names: \(role.acceptedNames.joined(separator: ", "))"
            }
            let columns = header.filter { !$0.isEmpty }.map { "\"\(Self.shown($0))\"" }.joined(separator: ", ")
            throw ImportError(
                .missingColumn,
                """
                The header line lacks \(missing.count == 1 ? "a required column" : "required columns") (names are compared without case, accents, spaces or punctuation):
                \(lines.joined(separator: "\n"))
                Columns found: \(columns.isEmpty ? "none" : columns). The first non-blank line of the file must name the columns.
                """
            )
        }
        self.avs = avs
        self.start = start
        self.last = last
        self.caseworker = found[.caseworker]
        self.reference = found[.reference]
    }

    /// A header as it may be shown in a message: a file without a header line has data in its
    /// first line, so anything holding many digits is hidden.
    private static func shown(_ name: String) -> String {
        name.unicodeScalars.filter { ("0"..."9").contains($0) }.count >= 6 ? "(a number)" : name
    }
}
