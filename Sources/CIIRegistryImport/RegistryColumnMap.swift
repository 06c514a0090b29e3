import CIIImport

/// Where each column of the registry's format sits in a file's header.
struct RegistryColumnMap {
    /// The header names as written.
    let names: [String]
    /// The index of each column present.
    let index: [RegistryColumn: Int]
    /// The service groups present (their `type` column is), in increasing order.
    let groups: [Int]
    /// The columns with an empty header (spreadsheets add them): ignored, but a row may hold no value there.
    let unnamed: [Int]

    /// Recognises the columns of `header` (on physical line `line`).
    /// - Throws: ``RegistryImportError`` naming the line and column of an unknown or doubled
    ///   header, or the required columns missing.
    init(header: [String], line: Int) throws(RegistryImportError) {
        names = header
        var index = [RegistryColumn: Int]()
        var unknown = [Int]()
        var unnamed = [Int]()
        for (position, name) in header.enumerated() {
            guard let column = RegistryColumn(header: name) else {
                if name.isEmpty { unnamed.append(position) } else { unknown.append(position) }
                continue
            }
            if let previous = index[column] {
                throw RegistryImportError(
                    .duplicateColumn,
                    "Line \(line): columns \(previous + 1) (\"\(Self.shown(header[previous]))\") and \(position + 1) (\"\(Self.shown(name))\") are both the column \(column.key). Keep one of them; nothing was imported."
                )
            }
            index[column] = position
        }
        if index.isEmpty {
            throw RegistryImportError(
                .missingColumn,
                "Line \(line) names no column of the registry's format: the file has no header line, or it is not a registry export. The first non-blank line must name the columns (docs/registry-csv.md); nothing was imported."
            )
        }
        if !unknown.isEmpty {
            let list = unknown.map { "column \($0 + 1) \"\(Self.shown(header[$0]))\"" }.joined(separator: ", ")
            throw RegistryImportError(
                .unknownColumn,
                "Line \(line): \(list) \(unknown.count == 1 ? "is not a column" : "are not columns") of the registry's format. Use the French or German names of docs/registry-csv.md (or the technical keys); nothing was imported."
            )
        }
        var missing = RegistryField.allCases.filter { $0.isRequired && index[.field($0)] == nil }.map { RegistryColumn.field($0) }
        let groups = (1...ServiceField.maximumGroups).filter { n in ServiceField.allCases.contains { index[.service(n, $0)] != nil } }
        for n in groups {
            for field in [ServiceField.type, .start] where index[.service(n, field)] == nil { missing.append(.service(n, field)) }
        }
        guard missing.isEmpty else {
            let list = missing.map { "\"\($0.french)\" / \"\($0.german)\" (\($0.key))" }.joined(separator: ", ")
            throw RegistryImportError(
                .missingColumn,
                "Line \(line): the header lacks \(missing.count == 1 ? "the required column" : "the required columns") \(list). The first non-blank line of the file must name the columns (docs/registry-csv.md); nothing was imported."
            )
        }
        self.index = index
        self.groups = groups
        self.unnamed = unnamed
    }

    /// The header name of the column at `position`, as written.
    func name(_ position: Int) -> String { position < names.count ? names[position] : "" }

    /// A header as it may be shown in a message: a file without a header line has data in its
    /// first line, so anything holding many digits is hidden, and a long text is cut.
    static func shown(_ name: String) -> String {
        if name.unicodeScalars.filter({ ("0"..."9").contains($0) }).count >= 6 { return "(a number)" }
        return name.count > 40 ? String(name.prefix(40)) + "…" : name
    }
}
