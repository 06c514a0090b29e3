public import CIICore
public import CIIStore
import Foundation

extension FollowUpImporter {
    /// Reads FILE, writes FILE.rejects.csv when there are rejects, applies the snapshot.
    ///
    /// A rejects file left by an earlier import is removed first. Nothing is applied when the
    /// export is refused: no valid row (unless `allowEmpty`), or more rejected rows than
    /// ``maximumRejectedPercent`` allows. The rejects file is written in both cases.
    ///
    /// - Parameters:
    ///   - path: the CSV export.
    ///   - store: the node database; its own set becomes the export's follow-ups in one transaction.
    ///   - today: the day of the import (no start after it; later last follow-ups are set to it).
    ///   - allowEmpty: apply an export without any valid row, retracting every person.
    ///   - audit: writes the import to the audit log, inside the store's transaction, with the report and
    ///     the fingerprints of the people it changed; when it throws, nothing is applied.
    /// - Throws: ``ImportError``; the store is then unchanged.
    public func importFile(
        at path: String,
        into store: NodeStore,
        today: Day,
        allowEmpty: Bool = false,
        audit: (@Sendable (ImportReport, SnapshotChanges) throws -> Void)? = nil
    ) throws(ImportError) -> ImportReport {
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ImportError(.cannotRead, "Cannot read \(path): \(error.localizedDescription)")
        }
        let rejectsFile = RejectsFile(forInput: path)
        rejectsFile.removeStale()
        let parsed = try parse(bytes, today: today)
        let written = parsed.rejects.isEmpty ? nil : rejectsFile.path
        if !parsed.rejects.isEmpty { try rejectsFile.write(parsed.rejects) }

        if parsed.rejects.count * 100 > maximumRejectedPercent * parsed.rowsRead {
            throw ImportError(
                .tooManyRejects,
                "\(parsed.rejects.count) of \(parsed.rowsRead) rows were rejected, more than the limit of \(maximumRejectedPercent) %. Nothing was imported. Fix the export using the rejects listed in \(rejectsFile.path) and import it again.",
                rejectsFile: written
            )
        }
        if parsed.followUps.isEmpty && !allowEmpty {
            throw ImportError(
                .empty,
                "The export holds no follow-up to import (\(parsed.rowsRead) rows read, \(parsed.rejects.count) rejected, \(parsed.outsideWindow) outside the retention window). Importing it would retract every person; nothing was imported. Use --allow-empty if this is really meant.",
                rejectsFile: written
            )
        }
        let record = ImportRecord(source: URL(fileURLWithPath: path).lastPathComponent, rowsRead: parsed.rowsRead, rowsRejected: parsed.rejects.count)
        let report = { @Sendable (summary: SnapshotSummary) in
            ImportReport(
                rowsRead: parsed.rowsRead,
                accepted: parsed.followUps.count,
                rejected: parsed.rejects.count,
                outsideWindow: parsed.outsideWindow,
                duplicatesMerged: parsed.duplicatesMerged,
                clampedToToday: parsed.clampedToToday,
                upserted: summary.upserted,
                retracted: summary.retracted,
                unchanged: summary.unchanged,
                rejectsFile: written,
                encoding: parsed.encoding,
                delimiter: parsed.delimiter
            )
        }
        do {
            let summary = try store.applySnapshot(parsed.followUps, record: record) { summary, changes in
                try audit?(report(summary), changes)
            }
            return report(summary)
        } catch  where error.code == .aborted {
            throw ImportError(
                .audit,
                "The import cannot be written to the audit log, so nothing was applied: \(error.reason). Make room on the disk of the audit folder, then import again.",
                rejectsFile: written
            )
        } catch {
            throw ImportError(.store, "The node database refused the import; nothing was applied: \(error.reason)", rejectsFile: written)
        }
    }
}
