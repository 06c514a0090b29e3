import CIIRegistry
import Foundation
import GRDB

extension SQLiteRegistryAccess {
    func appendHistory(_ entries: [HistoryEntry]) async throws {
        try write { db in
            for entry in entries {
                try db.execute(
                    sql: "INSERT INTO history (case_id, at, actor, field, old_value, new_value, sealed) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        entry.caseID, entry.at.timeIntervalSince1970, entry.actor, entry.field,
                        historyValue(entry.oldValue, entry, "old"), historyValue(entry.newValue, entry, "new"), entry.sealed,
                    ]
                )
            }
        }
    }

    func history(caseID: Int64) async throws -> [HistoryEntry] {
        try db { db in
            try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM history WHERE case_id = ? ORDER BY id"), arguments: [caseID]).map { row in
                var entry = HistoryEntry(
                    caseID: caseID,
                    at: Date(timeIntervalSince1970: row["at"]),
                    actor: row["actor"],
                    field: row["field"],
                    oldValue: nil,
                    newValue: nil,
                    sealed: row["sealed"]
                )
                entry.oldValue = try historyText(row["old_value"], entry, "old")
                entry.newValue = try historyText(row["new_value"], entry, "new")
                return entry
            }
        }
    }

    /// A value as stored: UTF-8, or sealed for the case, field and side when the entry is sealed.
    private func historyValue(_ value: String?, _ entry: HistoryEntry, _ side: String) -> Data? {
        guard let value else { return nil }
        return entry.sealed ? Data(key.seal(text: value, binding: "case:\(entry.caseID)/history/\(entry.field)/\(side)")) : Data(value.utf8)
    }

    private func historyText(_ stored: Data?, _ entry: HistoryEntry, _ side: String) throws -> String? {
        guard let stored else { return nil }
        return entry.sealed
            ? try key.openText(Array(stored), binding: "case:\(entry.caseID)/history/\(entry.field)/\(side)")
            : String(decoding: stored, as: UTF8.self)
    }

    func addNotice(_ notice: BureauNotice) async throws -> Int64 {
        try write { db in
            try db.execute(
                sql: "INSERT INTO bureau_notice (kind, case_id, actor, at, reason_sealed) VALUES (?, ?, ?, ?, x'')",
                arguments: [notice.kind.rawValue, notice.caseID, notice.by, notice.at.timeIntervalSince1970]
            )
            let id = db.lastInsertedRowID
            let sealed = Data(key.seal(text: notice.reason, binding: "notice:\(id)/reason"))
            try db.execute(sql: "UPDATE bureau_notice SET reason_sealed = ? WHERE id = ?", arguments: [sealed, id])
            return id
        }
    }

    func notices(limit: Int) async throws -> [BureauNotice] {
        try db { db in
            try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM bureau_notice ORDER BY id DESC LIMIT ?"), arguments: [limit]).map { row in
                let id: Int64 = row["id"]
                return BureauNotice(
                    id: id,
                    kind: try code(BureauNotice.Kind.self, row, "kind"),
                    caseID: row["case_id"],
                    by: row["actor"],
                    at: Date(timeIntervalSince1970: row["at"]),
                    reason: try key.openText(Array(row["reason_sealed"] as Data), binding: "notice:\(id)/reason")
                )
            }
        }
    }
}
