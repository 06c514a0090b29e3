import CIICore
import CIIRegistry
import Foundation
import GRDB

extension SQLiteRegistryAccess {
    func search(_ search: RegistrySearch, scope: CaseScope) async throws -> SearchPage {
        var conditions = [String]()
        var arguments = StatementArguments()
        func add(_ condition: String, _ values: [any DatabaseValueConvertible]) {
            conditions.append(condition)
            arguments += StatementArguments(values)
        }
        switch scope {
        case .all: break
        case .region(let region): add("c.region = ?", [region.rawValue])
        case .collaborator(let id): add("c.id IN (SELECT case_id FROM case_collaborator WHERE collaborator_id = ?)", [id])
        case .none: return SearchPage(items: [], total: 0, page: search.page, pageSize: search.pageSize)
        }
        if let avs = search.avs { add("p.avs_index = ?", [Data(key.personIndex(of: avs))]) }
        if let surname = search.surname { add("p.surname_folded >= ? AND p.surname_folded < ?", [surname, surname + "\u{10FFFF}"]) }
        if let firstName = search.firstName { add("p.first_name_folded >= ? AND p.first_name_folded < ?", [firstName, firstName + "\u{10FFFF}"]) }
        if let birthDate = search.birthDate { add("p.birth_date = ?", [Int64(birthDate.daysSince1970)]) }
        if let region = search.region { add("c.region = ?", [region.rawValue]) }
        if let dispositif = search.dispositif { add("c.dispositif = ?", [dispositif.rawValue]) }
        if let type = search.serviceType { add("c.id IN (SELECT case_id FROM case_service_type WHERE type = ?)", [type.rawValue]) }
        if let status = search.status { add("c.status = ?", [status.rawValue]) } else { add("c.status <> 'cancelled'", []) }
        for (column, range) in [("c.announced_on", search.announcedOn), ("c.opened_on", search.openedOn), ("c.closed_on", search.closedOn)] {
            guard let range else { continue }
            if let from = range.from { add("\(column) >= ?", [Int64(from.daysSince1970)]) }
            if let to = range.to { add("\(column) <= ?", [Int64(to.daysSince1970)]) }
            if range.from == nil, range.to == nil { add("\(column) IS NOT NULL", []) }
        }
        let from = "FROM case_period c JOIN person p ON p.id = c.person_id WHERE " + conditions.joined(separator: " AND ")
        let direction = search.descending ? "DESC" : "ASC"
        let order =
            switch search.sort {
            case .name: "p.surname_folded \(direction), p.first_name_folded \(direction), c.id \(direction)"
            case .announcedOn: "c.announced_on \(direction), c.id \(direction)"
            case .birthDate: "p.birth_date \(direction), c.id \(direction)"
            case .caseID: "c.id \(direction)"
            }
        let pageArguments = arguments + [search.pageSize, search.page * search.pageSize]
        return try db { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.person_id, p.surname, p.first_name, p.birth_date, c.region, c.dispositif, c.announced_on, c.status
                    \(from) ORDER BY \(order) LIMIT ? OFFSET ?
                    """,
                arguments: pageArguments
            )
            let items = try rows.map { row in
                CaseSummary(
                    caseID: row["id"],
                    personID: row["person_id"],
                    surname: row["surname"],
                    firstName: row["first_name"],
                    birthDate: Day(daysSince1970: Int32(row["birth_date"] as Int64)),
                    region: try code(Region.self, row, "region"),
                    dispositif: try code(Dispositif.self, row, "dispositif"),
                    announcedOn: Day(daysSince1970: Int32(row["announced_on"] as Int64)),
                    status: try code(CaseStatus.self, row, "status")
                )
            }
            return SearchPage(items: items, total: total, page: search.page, pageSize: search.pageSize)
        }
    }
}
