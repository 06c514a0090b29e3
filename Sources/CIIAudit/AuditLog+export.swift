public import Foundation

extension AuditLog {
    /// Writes the CSV (``AuditCSV``) of the entries whose time is in `from..<to`, in chain order,
    /// header first, one call of `write` per line; returns the number of entries.
    ///
    /// It reads the entries as they are: run ``verify(directory:key:)`` to know whether the chain
    /// holds. Every file is read, since an entry may be written in a later month than its time.
    /// - Throws: ``AuditError`` for a file or line that cannot be read, or what `write` throws.
    @discardableResult
    public func export(from: Date, to: Date, write: (String) throws -> Void) throws -> Int {
        let start = AuditTime.milliseconds(from)
        let end = AuditTime.milliseconds(to)
        try write(AuditCSV.header)
        var count = 0
        try forEachEntry { entry in
            guard entry.time >= start, entry.time < end else { return }
            try write(AuditCSV.row(entry))
            count += 1
        }
        return count
    }

    /// Calls `body` with every entry of every file, in chain order, as they are (unverified).
    /// - Throws: ``AuditError`` naming a file or line that cannot be read, or what `body` throws.
    func forEachEntry(_ body: (AuditEntry) throws -> Void) throws {
        for file in try AuditFiles.list(folder) {
            let bytes = try AuditFiles.read("\(folder)/\(file.name)")
            for (index, line) in AuditFiles.lines(bytes[...]).enumerated() {
                let entry: AuditEntry
                do {
                    entry = try AuditEntry.parse(bytes[line]).entry
                } catch {
                    throw AuditError(
                        .corrupt,
                        "line \(index + 1) of \(folder)/\(file.name) cannot be read (\(error.reason)); run `ciid audit verify`"
                    )
                }
                try body(entry)
            }
        }
    }

    /// The CSV (``AuditCSV``) of the entries whose time is in `from..<to`, as one text.
    public func export(from: Date, to: Date) throws -> String {
        var text = ""
        try export(from: from, to: to) { text += $0 }
        return text
    }
}
