import CIICore
import CIIRegistry
import Foundation
import GRDB

extension SQLiteRegistryAccess {
    func person(avs: AVSNumber) async throws -> StoredPerson? {
        let index = Data(key.personIndex(of: avs))
        return try db { db in
            try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM person WHERE avs_index = ?"), arguments: [index]).map { try storedPerson($0) }
        }
    }

    func insertPerson(_ person: Person) async throws -> Int64 {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO person (avs_index, avs_sealed, surname, first_name, surname_folded, first_name_folded,
                                        birth_date, sex, language, education)
                    VALUES (?, x'', ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Data(key.personIndex(of: person.avs)), person.surname, person.firstName,
                    NameFolding.fold(person.surname), NameFolding.fold(person.firstName), Int64(person.birthDate.daysSince1970),
                    person.sex.rawValue, person.language.rawValue, person.education.rawValue,
                ]
            )
            let id = db.lastInsertedRowID
            let sealed = person.avs.withDigits { Data(key.seal(Array($0), binding: "person:\(id)/avs")) }
            try db.execute(sql: "UPDATE person SET avs_sealed = ? WHERE id = ?", arguments: [sealed, id])
            return id
        }
    }

    func updatePerson(_ person: Person, id: Int64) async throws {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE person SET surname = ?, first_name = ?, surname_folded = ?, first_name_folded = ?, birth_date = ?,
                        sex = ?, language = ?, education = ?
                    WHERE id = ?
                    """,
                arguments: [
                    person.surname, person.firstName, NameFolding.fold(person.surname), NameFolding.fold(person.firstName),
                    Int64(person.birthDate.daysSince1970), person.sex.rawValue, person.language.rawValue, person.education.rawValue, id,
                ]
            )
            guard db.changesCount == 1 else { throw RegistryError.notFound }
            try db.execute(
                sql: """
                    UPDATE case_search SET surname = ?, first_name = ?, surname_folded = ?, first_name_folded = ?, birth_date = ?
                    WHERE person_id = ?
                    """,
                arguments: [
                    person.surname, person.firstName, NameFolding.fold(person.surname), NameFolding.fold(person.firstName),
                    Int64(person.birthDate.daysSince1970), id,
                ]
            )
        }
    }

    /// The person with id `id`.
    func person(_ db: Database, id: Int64) throws -> Person {
        guard let row = try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM person WHERE id = ?"), arguments: [id]) else {
            throw RegistryError(.unavailable, "the registry database lacks person \(id): restore it from a backup")
        }
        return try storedPerson(row).person
    }

    func storedPerson(_ row: Row) throws -> StoredPerson {
        let id: Int64 = row["id"]
        let sealed: Data = row["avs_sealed"]
        var digits = try key.open(Array(sealed), binding: "person:\(id)/avs")
        defer { for index in digits.indices { digits[index] = 0 } }
        let avs = try digits.withUnsafeBytes { buffer throws(AVSNumberError) in try AVSNumber(utf8: buffer) }
        let person = Person(
            avs: avs,
            surname: row["surname"],
            firstName: row["first_name"],
            birthDate: Day(daysSince1970: Int32(row["birth_date"] as Int64)),
            sex: try code(Sex.self, row, "sex"),
            language: try code(Language.self, row, "language"),
            education: try code(EducationLevel.self, row, "education")
        )
        return StoredPerson(id: id, person: person)
    }
}
