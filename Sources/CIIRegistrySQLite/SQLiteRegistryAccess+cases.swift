import CIICore
import CIIRegistry
import Foundation
import GRDB

extension SQLiteRegistryAccess {
    func casePeriod(id: Int64) async throws -> CasePeriod? {
        try db { db in
            guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM case_period WHERE id = ?"), arguments: [id]) else {
                return nil
            }
            let personID: Int64 = row["person_id"]
            return CasePeriod(
                id: id,
                personID: personID,
                person: try person(db, id: personID),
                etag: CaseETag(version: row["version"]),
                announcement: try decode(Announcement.self, row["announcement"]),
                situation: try open(Situation.self, row["situation_sealed"], "case:\(id)/situation"),
                gravity: try (row["gravity_score"] as String?).map { try decode(GravityScore.self, $0) },
                collaborators: try decode(CaseCollaborators.self, row["collaborators"]),
                documents: try decode([CaseDocument].self, row["documents"]),
                logbook: try open([LogbookEntry].self, row["logbook_sealed"], "case:\(id)/logbook"),
                medicalMandate: try decode([SMRRequest].self, row["medical_mandate"]),
                decision: try decode(Decision.self, row["decision"]),
                services: try decode([CaseService].self, row["services"]),
                cancellation: try (row["cancellation_sealed"] as Data?).map { try open(Cancellation.self, $0, "case:\(id)/cancellation") }
            )
        }
    }

    func caseIDs(personID: Int64) async throws -> [Int64] {
        try db {
            try Int64.fetchAll(try $0.cachedStatement(sql: "SELECT id FROM case_period WHERE person_id = ? ORDER BY id"), arguments: [personID])
        }
    }

    func insertCase(_ period: CasePeriod) async throws -> CasePeriod {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO case_period (person_id, version, status, region, dispositif, announced_on, announcement,
                                             situation_sealed, collaborators, documents, logbook_sealed, medical_mandate,
                                             decision, services, updated_at)
                    VALUES (?, 1, 'open', '', '', 0, '{}', x'', '{}', '[]', x'', '[]', '{}', '[]', 0)
                    """,
                arguments: [period.personID]
            )
            var stored = period
            stored.id = db.lastInsertedRowID
            stored.etag = CaseETag(version: 1)
            try save(db, stored)
            return stored
        }
    }

    func updateCase(_ period: CasePeriod, ifMatch: CaseETag) async throws -> CaseETag {
        try write { db in
            guard
                let version = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT version FROM case_period WHERE id = ?"), arguments: [period.id])
            else {
                throw RegistryError.notFound
            }
            guard version == ifMatch.version else {
                throw RegistryError(.conflict, "the case changed since it was read (now \(CaseETag(version: version).header)): read it again")
            }
            var stored = period
            stored.etag = CaseETag(version: version + 1)
            try save(db, stored)
            return stored.etag
        }
    }

    /// Writes every column of `period` (its id and ETag as given), and its search rows.
    private func save(_ db: Database, _ period: CasePeriod) throws {
        let id = period.id
        try db.execute(
            sql: """
                UPDATE case_period SET version = ?, status = ?, region = ?, dispositif = ?, announced_on = ?, opened_on = ?,
                    closed_on = ?, gravity = ?, weights_version = ?, announcement = ?, situation_sealed = ?, gravity_score = ?,
                    collaborators = ?, documents = ?, logbook_sealed = ?, medical_mandate = ?, decision = ?, services = ?,
                    cancellation_sealed = ?, power_expiry = ?, updated_at = ?, ended_on = ?
                WHERE id = ?
                """,
            arguments: [
                period.etag.version, period.status.rawValue, period.announcement.region.rawValue, period.announcement.dispositif.rawValue,
                Int64(period.announcement.announcedOn.daysSince1970), period.decision.openedOn.map { Int64($0.daysSince1970) },
                period.decision.closedOn.map { Int64($0.daysSince1970) }, period.gravity.map { Int64($0.effective.hundredths) },
                period.gravity.map { Int64($0.weightsVersion) }, try json(period.announcement),
                try seal(period.situation, "case:\(id)/situation"), try period.gravity.map { try json($0) },
                try json(period.collaborators), try json(period.documents), try seal(period.logbook, "case:\(id)/logbook"),
                try json(period.medicalMandate), try json(period.decision), try json(period.services),
                try period.cancellation.map { try seal($0, "case:\(id)/cancellation") },
                period.latestPowerOfAttorneyExpiry.map { Int64($0.daysSince1970) }, Date().timeIntervalSince1970,
                period.endedOn.map { Int64($0.daysSince1970) }, id,
            ]
        )
        try db.execute(sql: "DELETE FROM case_collaborator WHERE case_id = ?", arguments: [id])
        for collaborator in period.collaborators.collaboratorIDs {
            try db.execute(sql: "INSERT INTO case_collaborator (collaborator_id, case_id) VALUES (?, ?)", arguments: [collaborator, id])
        }
        try db.execute(sql: "DELETE FROM case_service_type WHERE case_id = ?", arguments: [id])
        for type in Set(period.services.map(\.type)) {
            try db.execute(sql: "INSERT INTO case_service_type (type, case_id) VALUES (?, ?)", arguments: [type.rawValue, id])
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO case_search
                    SELECT c.id, c.person_id, c.status, c.region, c.dispositif, c.announced_on, c.opened_on, c.closed_on,
                           p.surname_folded, p.first_name_folded, p.birth_date, p.surname, p.first_name
                    FROM case_period c JOIN person p ON p.id = c.person_id WHERE c.id = ?
                """,
            arguments: [id]
        )
    }

    func casesWithPowerOfAttorney(expiringBy day: Day) async throws -> [Int64] {
        try db { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT id FROM case_period WHERE power_expiry <= ? AND status = 'open' ORDER BY power_expiry, id",
                arguments: [Int64(day.daysSince1970)]
            )
        }
    }

    func casesEnded(before day: Day) async throws -> [Int64] {
        try db { db in
            try Int64.fetchAll(
                db,
                sql: "SELECT id FROM case_period WHERE ended_on < ? ORDER BY ended_on, id",
                arguments: [Int64(day.daysSince1970)]
            )
        }
    }

    func deleteCase(_ id: Int64) async throws {
        try write { db in
            guard let personID = try Int64.fetchOne(try db.cachedStatement(sql: "SELECT person_id FROM case_period WHERE id = ?"), arguments: [id])
            else {
                throw RegistryError.notFound
            }
            for table in ["case_collaborator", "case_service_type", "case_search", "history", "bureau_notice"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE case_id = ?", arguments: [id])
            }
            try db.execute(sql: "DELETE FROM case_period WHERE id = ?", arguments: [id])
            if try Int.fetchOne(try db.cachedStatement(sql: "SELECT count(*) FROM case_period WHERE person_id = ?"), arguments: [personID]) == 0 {
                try db.execute(sql: "DELETE FROM person WHERE id = ?", arguments: [personID])
            }
        }
    }

    func casesWithMedicalMandate() async throws -> [Int64] {
        try db { try Int64.fetchAll(try $0.cachedStatement(sql: "SELECT id FROM case_period WHERE medical_mandate <> '[]' ORDER BY id")) }
    }

    func documentVaultIDs() async throws -> Set<String> {
        try db { db in
            var ids = Set<String>()
            let lists = try String.fetchAll(try db.cachedStatement(sql: "SELECT documents FROM case_period WHERE documents <> '[]'"))
            for list in lists {
                for document in try JSONDecoder().decode([CaseDocument].self, from: Data(list.utf8)) { ids.insert(document.vaultID) }
            }
            return ids
        }
    }
}
