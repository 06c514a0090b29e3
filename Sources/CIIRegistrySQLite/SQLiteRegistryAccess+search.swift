import CIICore
import CIIRegistry
import Foundation
import GRDB

extension SQLiteRegistryAccess {
    func search(_ search: RegistrySearch, scope: CaseScope) async throws -> SearchPage {
        if case .none = scope { return SearchPage(items: [], total: 0, page: search.page, pageSize: search.pageSize) }
        let personCriteria = search.avs != nil || search.surname != nil || search.firstName != nil || search.birthDate != nil
        // The count: a criterion on the person (by far the most selective) drives when there is one,
        // the case's columns (`+` keeps SQLite from choosing their index) are then checked in the
        // name index, which holds them.
        let (countWhere, countArguments) = Self.conditions(search, scope: scope, key: key, caseIndexes: !personCriteria)
        let direction = search.descending ? "DESC" : "ASC"
        let order =
            switch search.sort {
            case .name: "s.surname_folded \(direction), s.first_name_folded \(direction), s.case_id \(direction)"
            case .announcedOn: "s.announced_on \(direction), s.case_id \(direction)"
            case .birthDate: "s.birth_date \(direction), s.case_id \(direction)"
            case .caseID: "s.case_id \(direction)"
            }
        return try db { db in
            let total =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM case_search s WHERE \(countWhere)", arguments: countArguments)
                ?? 0
            // The page: many matches are read in the sort order's index, stopping after the page;
            // a few are found by their criteria and sorted.
            let walk = total > Self.sortedWalkThreshold
            let (pageWhere, pageArguments) = Self.conditions(search, scope: scope, key: key, caseIndexes: !personCriteria && !walk)
            // Not cached: the criteria combine into too many statements to keep one of each.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.case_id AS id, s.person_id, s.surname, s.first_name, s.birth_date, s.region, s.dispositif, s.announced_on, s.status
                    FROM case_search s WHERE \(pageWhere) ORDER BY \(order) LIMIT ? OFFSET ?
                    """,
                arguments: pageArguments + [search.pageSize, search.page * search.pageSize]
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

    /// Above this many matches a page is read by walking the sort order's index (it stops after the
    /// page) rather than by sorting every match.
    static let sortedWalkThreshold = 2000

    /// The `WHERE` clause of `search` in `scope` on `case_search s`, and its arguments. With
    /// `caseIndexes` false the case's columns are written `+s.column`, which keeps SQLite from
    /// choosing their indexes.
    static func conditions(_ search: RegistrySearch, scope: CaseScope, key: RegistryKey, caseIndexes: Bool) -> (String, StatementArguments) {
        var conditions = [String]()
        var arguments = StatementArguments()
        let c = caseIndexes ? "s." : "+s."
        func add(_ condition: String, _ values: [any DatabaseValueConvertible]) {
            conditions.append(condition)
            arguments += StatementArguments(values)
        }
        switch scope {
        case .all, .none: break
        case .region(let region): add("\(c)region = ?", [region.rawValue])
        case .collaborator(let id): add("\(c)case_id IN (SELECT case_id FROM case_collaborator WHERE collaborator_id = ?)", [id])
        }
        if let avs = search.avs { add("s.person_id = (SELECT id FROM person WHERE avs_index = ?)", [Data(key.personIndex(of: avs))]) }
        if let surname = search.surname { add("s.surname_folded >= ? AND s.surname_folded < ?", [surname, surname + "\u{10FFFF}"]) }
        if let firstName = search.firstName { add("s.first_name_folded >= ? AND s.first_name_folded < ?", [firstName, firstName + "\u{10FFFF}"]) }
        if let birthDate = search.birthDate { add("s.birth_date = ?", [Int64(birthDate.daysSince1970)]) }
        if let region = search.region { add("\(c)region = ?", [region.rawValue]) }
        if let dispositif = search.dispositif { add("\(c)dispositif = ?", [dispositif.rawValue]) }
        if let type = search.serviceType { add("\(c)case_id IN (SELECT case_id FROM case_service_type WHERE type = ?)", [type.rawValue]) }
        if let status = search.status { add("\(c)status = ?", [status.rawValue]) } else { add("\(c)status <> 'cancelled'", []) }
        for (column, range) in [("announced_on", search.announcedOn), ("opened_on", search.openedOn), ("closed_on", search.closedOn)] {
            guard let range else { continue }
            if let from = range.from { add("\(c)\(column) >= ?", [Int64(from.daysSince1970)]) }
            if let to = range.to { add("\(c)\(column) <= ?", [Int64(to.daysSince1970)]) }
            if range.from == nil, range.to == nil { add("\(c)\(column) IS NOT NULL", []) }
        }
        return (conditions.joined(separator: " AND "), arguments)
    }
}
