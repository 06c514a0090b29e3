import CIICore
import CIIRegistry
import Foundation
import GRDB

extension SQLiteRegistryAccess {
    func trainings(from: Day, to: Day) async throws -> [Training] {
        try db { db in
            try Row.fetchAll(
                try db.cachedStatement(sql: "SELECT * FROM training WHERE date >= ? AND date <= ? ORDER BY date, id"),
                arguments: [Int64(from.daysSince1970), Int64(to.daysSince1970)]
            ).map { row in
                Training(
                    id: row["id"],
                    kind: try code(TrainingKind.self, row, "kind"),
                    title: row["title"],
                    date: Day(daysSince1970: Int32(row["date"] as Int64)),
                    region: try code(Region.self, row, "region"),
                    language: try code(Language.self, row, "language"),
                    participants: row["participants"]
                )
            }
        }
    }

    func saveTraining(_ training: Training) async throws -> Int64 {
        try write { db in
            let values: [any DatabaseValueConvertible] = [
                training.kind.rawValue, training.title, Int64(training.date.daysSince1970), training.region.rawValue,
                training.language.rawValue, training.participants,
            ]
            if training.id == 0 {
                try db.execute(
                    sql: "INSERT INTO training (kind, title, date, region, language, participants) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: StatementArguments(values)
                )
                return db.lastInsertedRowID
            }
            try db.execute(
                sql: "UPDATE training SET kind = ?, title = ?, date = ?, region = ?, language = ?, participants = ? WHERE id = ?",
                arguments: StatementArguments(values + [training.id])
            )
            guard db.changesCount == 1 else { throw RegistryError(.notFound, "no training \(training.id)") }
            return training.id
        }
    }
}
