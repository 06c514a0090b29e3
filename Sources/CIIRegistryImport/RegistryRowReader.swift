import CIICore
import CIIImport
import CIIRegistry

/// Reads one data row of a registry import into an ``ImportedCase`` and checks it with the
/// registry's own validation, collecting every problem of the row with its column.
struct RegistryRowReader {
    /// Where the columns are.
    let columns: RegistryColumnMap
    /// What the registry's validation checks against (today).
    let context: ValidationContext

    /// Reads `row`.
    func read(_ row: CSVRow) -> RegistryRow {
        var cells = Cells(row: row, columns: columns)
        if row.lastLine > row.line, row.fields.count != columns.names.count {
            cells.problem(nil, "row.unbalanced_quote", Messages.unbalancedQuote(row.line, row.lastLine, row.fields.count, columns.names.count))
        } else if row.fields.count > columns.names.count, row.fields[columns.names.count...].contains(where: { !$0.isEmpty }) {
            cells.problem(nil, "row.too_many_fields", Messages.tooManyFields(row.fields.count, columns.names.count))
        } else if let position = columns.unnamed.first(where: { !row[$0].isEmpty }) {
            cells.problem(nil, "row.unnamed_column", Messages.unnamedColumn(position + 1))
        }
        if let status = cells.code(.field(.status), CellCodes.status, required: false), status == .cancelled {
            return RegistryRow(line: row.line, content: .cancelled, serviceGroups: [])
        }
        _ = cells.gravityIndex()
        if cells.text(.field(.avs)).isEmpty { cells.problem(.field(.avs), "required", Messages.required) }
        // Cells that cannot be read get a stand-in value, so that the registry's rules still check
        // the rest of the row; the stand-in's own problems are dropped below.
        let today = context.today
        let followedSince = cells.date(.field(.followedSince), required: false)
        let toBureau = cells.date(.field(.announcedToBureauOn), required: false)
        let announcement = Announcement(
            region: cells.code(.field(.region), CellCodes.region) ?? .sion,
            requestedService: cells.code(.field(.requestedService), CellCodes.service, required: false),
            announcedOn: cells.date(.field(.announcedOn)) ?? followedSince ?? toBureau ?? today,
            announcedToBureauOn: toBureau,
            followedSince: followedSince,
            ageGroup: cells.code(.field(.ageGroup), CellCodes.ageGroup) ?? .adult,
            dispositif: cells.code(.field(.dispositif), CellCodes.dispositif) ?? .orp
        )
        let person = PersonDraft(
            avs: cells.text(.field(.avs)),
            surname: cells.text(.field(.surname)),
            firstName: cells.text(.field(.firstName)),
            birthDate: cells.date(.field(.birthDate)) ?? today,
            sex: cells.code(.field(.sex), CellCodes.sex) ?? .female,
            language: cells.code(.field(.language), CellCodes.language) ?? .fr,
            education: cells.code(.field(.education), CellCodes.education) ?? .none
        )
        let situation = Situation(text: cells.text(.field(.situation)), riskFactors: cells.riskFactors())
        let openedOn = cells.date(.field(.openedOn), required: false)
        let decision = Decision(
            openedOn: openedOn,
            closedOn: cells.date(.field(.closedOn), required: false),
            dispositifInCharge: cells.code(.field(.dispositifInCharge), CellCodes.dispositif, required: false)
        )
        var services = [CaseService]()
        var groups = [Int]()
        for n in columns.groups {
            let group = ServiceField.allCases.map { cells.text(.service(n, $0)) }
            guard group.contains(where: { !$0.isEmpty }) else { continue }
            let end = cells.date(.service(n, .end), required: false)
            services.append(
                CaseService(
                    type: cells.code(.service(n, .type), CellCodes.service) ?? .tro,
                    start: cells.date(.service(n, .start)) ?? end ?? today,
                    end: end,
                    closingStatus: cells.code(.service(n, .status), CellCodes.closingStatus, required: false)
                )
            )
            groups.append(n)
        }
        let imported = ImportedCase(person: person, announcement: announcement, situation: situation, decision: decision, services: services)
        var validation = Validation(context: context)
        _ = imported.validated(into: &validation)
        var problems = cells.problems
        let unreadable = Set(problems.compactMap(\.column))
        for problem in validation.problems {
            let column = Self.column(of: problem.field, groups: groups)
            if let column, unreadable.contains(column) { continue }
            problems.append(RowProblem(column: column, code: problem.code.rawValue, message: problem.message))
        }
        if problems.isEmpty { return RegistryRow(line: row.line, content: .valid(imported), serviceGroups: groups) }
        return RegistryRow(line: row.line, content: .invalid(problems), serviceGroups: groups)
    }

    /// The column a validation path (`person.birthDate`, `services[1].end`) is about; `nil` for
    /// one that names none.
    static func column(of path: String, groups: [Int]) -> RegistryColumn? {
        if path.hasPrefix("services["), let close = path.firstIndex(of: "]"),
            let index = Int(path[path.index(path.startIndex, offsetBy: 9)..<close]), groups.indices.contains(index)
        {
            let suffix = path[path.index(after: close)...].drop { $0 == "." }
            guard let field = ServiceField.allCases.first(where: { $0.pathSuffix == suffix }) else { return nil }
            return .service(groups[index], field)
        }
        return RegistryField.allCases.first { $0.path == path }.map { .field($0) }
    }
}
