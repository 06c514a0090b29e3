extension AuditEntry {
    /// Reads one line (without its newline), which must be exactly what ``body()`` and
    /// ``appendLine(body:mac:to:)`` write; returns the entry and the bytes its MAC covers.
    static func parse(_ line: ArraySlice<UInt8>) throws(AuditLineReader.Failure) -> (entry: AuditEntry, body: ArraySlice<UInt8>) {
        guard line.count > macSuffixLength else { throw AuditLineReader.Failure(reason: "the line is too short to be an entry") }
        let body = line[line.startIndex..<line.endIndex - macSuffixLength]
        var suffix = AuditLineReader(line[body.endIndex...])
        try suffix.expect(#","mac":"#)
        let mac = try suffix.hex32()
        try suffix.expect("}")

        var reader = AuditLineReader(body)
        try reader.expect(#"{"seq":"#)
        let seq = try reader.integer()
        try reader.expect(#","time":"#)
        let timeColumn = reader.column
        guard let time = AuditTime.parse(try reader.plainString()) else {
            throw AuditLineReader.Failure(reason: "expected a time such as 2026-11-23T10:00:00.123Z at column \(timeColumn)")
        }
        try reader.expect(#","kind":"#)
        let kind = try reader.string()
        try reader.expect(#","actor":"#)
        let actor = try reader.string()
        try reader.expect(#","subject":"#)
        let subject = reader.skip("null") ? nil : try reader.string()
        try reader.expect(#","outcome":"#)
        let outcome = try reader.string()
        try reader.expect(#","details":{"#)
        var details: [(key: String, value: String)] = []
        while !reader.skip("}") {
            if !details.isEmpty { try reader.expect(",") }
            let key = try reader.string()
            try reader.expect(":")
            details.append((key, try reader.string()))
        }
        try reader.expect(#","prev":"#)
        let prev = try reader.hex32()
        guard reader.atEnd else { throw AuditLineReader.Failure(reason: "unexpected text at column \(reader.column)") }

        let entry = AuditEntry(
            seq: seq,
            time: time,
            kind: kind,
            actor: actor,
            subject: subject,
            outcome: outcome,
            details: details,
            prev: prev,
            mac: mac
        )
        guard entry.body().elementsEqual(body) else {
            throw AuditLineReader.Failure(reason: "the line is not written the way the log writes it (spacing, escapes or number form)")
        }
        return (entry, body)
    }
}
