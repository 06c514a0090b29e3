import Sodium

/// The state of a verification walking the chain: the last entry checked.
struct AuditChain {
    let key: SecretBytes
    var last: (seq: Int64, mac: [UInt8])?
    /// A head noted earlier (lowercase hexadecimal bytes), looked for among the entries checked.
    var noted: [UInt8]?
    /// Whether an entry checked has the MAC `noted`.
    var notedFound = false

    init(key: SecretBytes) { self.key = key }

    /// Checks one line; returns what is wrong with it, or `nil` and records it in `result`.
    mutating func check(
        _ line: ArraySlice<UInt8>,
        result: inout AuditVerification,
        file: String,
        firstInFile: Bool,
        monthsMissing: Int
    ) -> (seq: Int64?, text: String)? {
        let entry: AuditEntry
        let body: ArraySlice<UInt8>
        do {
            (entry, body) = try AuditEntry.parse(line)
        } catch {
            return (nil, "not a valid entry: \(error.reason)")
        }
        guard AuditEntry.mac(of: Array(body), key: key) == entry.mac else {
            return (entry.seq, "its MAC does not match: the entry was altered (or audit.key is not the key the log was written with)")
        }
        if let last {
            let expected = last.seq + 1
            if entry.seq <= last.seq {
                return (entry.seq, "seq \(entry.seq) comes after seq \(last.seq): entries were reordered or repeated")
            }
            if entry.seq > expected {
                let missing = entry.seq == expected + 1 ? "entry \(expected) is missing" : "entries \(expected)…\(entry.seq - 1) are missing"
                let cause =
                    !firstInFile
                    ? "lines were deleted or moved"
                    : monthsMissing > 0
                        ? "\(monthsMissing) monthly file\(monthsMissing == 1 ? " is" : "s are") missing before \(file)"
                        : "the end of the previous file was cut, or a monthly file was deleted"
                return (entry.seq, "\(missing): \(cause)")
            }
            if entry.prev != last.mac {
                return (entry.seq, "its prev is not the MAC of seq \(last.seq): the entry before it was replaced or removed")
            }
        } else if entry.prev == AuditEntry.genesis {
            if entry.seq != 1 {
                return (entry.seq, "the log starts at seq \(entry.seq) with no entry before it: entries 1…\(entry.seq - 1) are missing")
            }
        } else {
            result.anchor = AuditAnchor(file: file, seq: entry.seq, prev: AuditEntry.hex(entry.prev))
        }
        last = (entry.seq, entry.mac)
        if let noted, !notedFound, noted.elementsEqual(AuditEntry.hex(entry.mac).utf8) { notedFound = true }
        result.entries += 1
        result.firstSeq = result.firstSeq ?? entry.seq
        result.lastSeq = entry.seq
        return nil
    }
}
