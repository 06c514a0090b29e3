import CIIAudit
import CIICore
import CIIImport
import CIIStore
import Foundation

/// The audit entries of an import: one with its counts, then the fingerprints of the people it
/// changed (not of those it left as they were), written before the import commits.
struct ImportAudit: Sendable {
    /// The audit log written to.
    let log: AuditLog
    /// The file's name (not its folder).
    let source: String
    /// The OS user who ran the command.
    let osUser: String

    /// The entries for `report` and `changes`.
    func events(_ report: ImportReport, _ changes: SnapshotChanges, time: Date = Date()) -> [AuditEvent] {
        let counts: [(String, String)] = [
            ("source", source), ("rows", String(report.rowsRead)), ("accepted", String(report.accepted)),
            ("rejected", String(report.rejected)), ("outside_window", String(report.outsideWindow)),
            ("upserted", String(report.upserted)), ("retracted", String(report.retracted)), ("unchanged", String(report.unchanged)),
            ("amended", String(changes.amended.count)), ("os_user", osUser),
        ]
        var events = [AuditEvent(time: time, kind: .importApplied, actor: "cli", detailList: counts)]
        for (change, fingerprints) in changes.all {
            var start = 0
            while start < fingerprints.count {
                let end = min(start + AuditKind.importChangesPerEntry, fingerprints.count)
                let list = fingerprints[start..<end].map(\.hex).joined(separator: ",")
                events.append(AuditEvent(time: time, kind: .importChanges, actor: "cli", detailList: [("change", change), ("fingerprints", list)]))
                start = end
            }
        }
        return events
    }

    /// Writes the entries of an import; throws when the log refuses them, so the import is not applied.
    func write(_ report: ImportReport, _ changes: SnapshotChanges) throws {
        try log.append(events(report, changes))
    }
}
