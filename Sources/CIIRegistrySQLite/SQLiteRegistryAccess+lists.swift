import CIICore
import CIIRegistry
import Foundation
import GRDB

extension SQLiteRegistryAccess {
    func collaborators() async throws -> [Collaborator] {
        try db { db in
            try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM collaborator ORDER BY name, id")).map { row in
                Collaborator(
                    id: row["id"],
                    name: row["name"],
                    dispositif: try code(Dispositif.self, row, "dispositif"),
                    region: try code(Region.self, row, "region"),
                    phone: row["phone"],
                    email: row["email"],
                    function: try code(CIIFunction.self, row, "function")
                )
            }
        }
    }

    func saveCollaborator(_ entry: Collaborator) async throws -> Int64 {
        try write { db in
            let values: [any DatabaseValueConvertible] = [
                entry.name, entry.dispositif.rawValue, entry.region.rawValue, entry.phone, entry.email, entry.function.rawValue,
            ]
            if entry.id == 0 {
                try db.execute(
                    sql: "INSERT INTO collaborator (name, dispositif, region, phone, email, function) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: StatementArguments(values)
                )
                return db.lastInsertedRowID
            }
            try db.execute(
                sql: "UPDATE collaborator SET name = ?, dispositif = ?, region = ?, phone = ?, email = ?, function = ? WHERE id = ?",
                arguments: StatementArguments(values + [entry.id])
            )
            guard db.changesCount == 1 else { throw RegistryError.notFound }
            return entry.id
        }
    }

    func documentCodes() async throws -> [DocumentCode] {
        try db { db in
            try Row.fetchAll(try db.cachedStatement(sql: "SELECT * FROM document_code ORDER BY code")).map { row in
                DocumentCode(code: row["code"], labelFR: row["label_fr"], labelDE: row["label_de"], isPowerOfAttorney: row["power_of_attorney"])
            }
        }
    }

    func saveDocumentCode(_ code: DocumentCode) async throws {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO document_code (code, label_fr, label_de, power_of_attorney) VALUES (?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET label_fr = excluded.label_fr, label_de = excluded.label_de,
                        power_of_attorney = excluded.power_of_attorney
                    """,
                arguments: [code.code, code.labelFR, code.labelDE, code.isPowerOfAttorney]
            )
        }
    }
}
