import CIICore
import CIIRegistry
import Foundation
import GRDB

extension SQLiteRegistryAccess {
    func reportCases(announcedBy day: Day) async throws -> [ReportCase] {
        try db { db in
            try Row.fetchAll(
                try db.cachedStatement(
                    sql: """
                        SELECT c.id, c.person_id, c.announcement, c.gravity, c.services, c.situation_sealed,
                               p.birth_date, p.sex, p.education
                        FROM case_period c JOIN person p ON p.id = c.person_id
                        WHERE c.status <> 'cancelled' AND c.announced_on <= ?
                        ORDER BY c.id
                        """
                ),
                arguments: [Int64(day.daysSince1970)]
            ).map { row in
                let id: Int64 = row["id"]
                return ReportCase(
                    caseID: id,
                    personID: row["person_id"],
                    announcement: try decode(Announcement.self, row["announcement"]),
                    birthDate: Day(daysSince1970: Int32(row["birth_date"] as Int64)),
                    sex: try code(Sex.self, row, "sex"),
                    education: try code(EducationLevel.self, row, "education"),
                    gravity: (row["gravity"] as Int64?).map { GravityIndex(hundredths: Int($0)) },
                    riskFactors: try open(Situation.self, row["situation_sealed"], "case:\(id)/situation").riskFactors.count,
                    services: try decode([CaseService].self, row["services"])
                )
            }
        }
    }

    func annualSnapshot(year: Int) async throws -> AnnualSnapshot? {
        try db { db in
            try Row.fetchOne(
                try db.cachedStatement(sql: "SELECT year, taken_on, figures FROM annual_report_snapshot WHERE year = ?"),
                arguments: [year]
            ).map { row in
                AnnualSnapshot(year: row["year"], takenOn: Day(daysSince1970: Int32(row["taken_on"] as Int64)), figures: row["figures"])
            }
        }
    }

    func saveAnnualSnapshot(_ snapshot: AnnualSnapshot) async throws -> Bool {
        try write { db in
            try db.execute(
                sql: "INSERT INTO annual_report_snapshot (year, taken_on, figures) VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING",
                arguments: [snapshot.year, Int64(snapshot.takenOn.daysSince1970), snapshot.figures]
            )
            return db.changesCount == 1
        }
    }
}
