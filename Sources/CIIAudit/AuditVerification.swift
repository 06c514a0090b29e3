/// What ``AuditLog/verify(directory:key:)`` found: the extent of the chain, and its first break if any.
public struct AuditVerification: Sendable, CustomStringConvertible {
    /// The entries checked, up to the first break.
    public var entries = 0
    /// The monthly files read.
    public var files: [String] = []
    /// The first and last sequence numbers checked.
    public var firstSeq: Int64?
    /// The last sequence number checked.
    public var lastSeq: Int64?
    /// The MAC of the last entry, in hexadecimal: note it down, since the chain alone cannot show
    /// that entries were cut off its end.
    public var head: String?
    /// Where the chain starts when older files were purged: the first kept entry, whose `prev`
    /// (the MAC of a purged entry) cannot be checked. `nil` when the log starts at seq 1.
    public var anchor: AuditAnchor?
    /// Things that do not break the chain but deserve a look (an interrupted last line).
    public var warnings: [String] = []
    /// With a noted head (``AuditLog/verify(directory:key:expectingHead:)``): whether the chain
    /// still holds that entry. `false` means entries were removed from the end since it was noted.
    public var notedHeadFound: Bool?
    /// The first broken entry; `nil` when the chain is intact.
    public var failure: AuditBreak?

    /// Whether the chain is intact.
    public var isIntact: Bool { failure == nil }

    /// One paragraph for people.
    public var description: String {
        if let failure { return "audit log broken: \(failure)" }
        guard let firstSeq, let lastSeq, let head else { return "audit log empty: no entry" }
        var text = "audit log intact: \(entries) entries (seq \(firstSeq)…\(lastSeq)) in \(files.count) files, head \(head)"
        if let anchor { text += "; older entries were purged, the chain starts at \(anchor)" }
        return text
    }
}

/// The first kept entry of a log whose older files were purged.
public struct AuditAnchor: Sendable, Equatable, CustomStringConvertible {
    /// The file that holds it.
    public var file: String
    /// Its sequence number.
    public var seq: Int64
    /// Its `prev`: the MAC of the purged entry before it, in hexadecimal.
    public var prev: String

    /// `seq 8123 in audit-2025-10.jsonl (prev 3fa2…)`.
    public var description: String { "seq \(seq) in \(file) (prev \(prev))" }
}

/// The first entry at which the chain breaks, and why.
public struct AuditBreak: Sendable, Equatable, CustomStringConvertible {
    /// The monthly file.
    public var file: String
    /// The line in the file, from 1.
    public var line: Int
    /// The sequence number the line carries, when it can be read.
    public var seq: Int64?
    /// What is wrong.
    public var reason: String

    /// `audit-2026-11.jsonl line 12 (seq 40): …`.
    public var description: String { "\(file) line \(line)\(seq.map { " (seq \($0))" } ?? ""): \(reason)" }
}
